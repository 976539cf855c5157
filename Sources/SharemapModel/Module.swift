// SharemapModel
