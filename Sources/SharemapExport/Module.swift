// SharemapExport
