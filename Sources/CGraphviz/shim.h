#ifndef SHAREMAP_CGRAPHVIZ_SHIM_H
#define SHAREMAP_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
