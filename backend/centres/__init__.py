"""Centres (社区事务受理服务中心) and branch centres, their hours and the matters they offer."""
