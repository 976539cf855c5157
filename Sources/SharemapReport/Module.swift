// SharemapReport
