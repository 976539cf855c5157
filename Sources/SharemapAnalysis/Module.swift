// SharemapAnalysis
