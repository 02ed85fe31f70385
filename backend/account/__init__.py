"""The resident's own account across domains: 我的数据 (download what the service holds)
and 注销账号 (erasure, with what other domains must let go of)."""
