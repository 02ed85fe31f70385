"""The resident's own account across domains: 我的数据 (download what the service holds)."""
