# Groups: organisations, staff, groups, agreements, resources, check-ins.
