// SharemapGraphviz
