// SharemapData
