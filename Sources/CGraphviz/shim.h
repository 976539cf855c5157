#ifndef SHAREMAP_CGRAPHVIZ_SHIM_H
#define SHAREMAP_CGRAPHVIZ_SHIM_H

// The only C that sharemap has: Graphviz's headers plus a few static inline helpers for what Swift 6
// cannot reach safely (C globals such as Agdirected, a callback for the error channel) and the one
// call whose signature differs between Graphviz versions (gvRenderData's length).
// SwiftPM does not notice edits to this header: after changing it, delete .build/*/debug/ModuleCache.

#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agdesc_t sharemap_directed(void) { return Agdirected; }
static inline Agdesc_t sharemap_strict_directed(void) { return Agstrictdirected; }
static inline Agdesc_t sharemap_undirected(void) { return Agundirected; }
static inline Agdesc_t sharemap_strict_undirected(void) { return Agstrictundirected; }

/// A growable byte buffer that cgraph writes into (DOT output, error messages).
typedef struct {
    char *data;
    size_t length;
    size_t capacity;
} sharemap_buffer;

static inline int sharemap_buffer_putstr(void *channel, const char *text) {
    sharemap_buffer *buffer = (sharemap_buffer *)channel;
    size_t count = strlen(text);
    if (buffer->length + count + 1 > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 4096;
        while (capacity < buffer->length + count + 1) capacity *= 2;
        char *grown = (char *)realloc(buffer->data, capacity);
        if (!grown) return EOF;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, text, count);
    buffer->length += count;
    buffer->data[buffer->length] = 0;
    return (int)count;
}

static inline int sharemap_buffer_flush(void *channel) {
    (void)channel;
    return 0;
}

static inline void sharemap_buffer_free(sharemap_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}

/// Object ids for named objects in creation order.
///
/// cgraph's default id discipline uses the address of a name's interned string as its id, and keeps
/// subgraphs ordered by id: so subgraphs were written (and laid out) in an order that changed from run to
/// run. This discipline numbers names 2, 4, 6, ... as they are first seen (anonymous objects keep odd
/// ids), which makes output deterministic. Names live in a small hash table owned by the graph, as
/// strings from the graph's own pool (cgraph reads flags stored before each of them).
typedef struct {
    Agraph_t *graph;     /* the root graph, whose string pool holds the names */
    char **names;        /* by number, from agstrdup: agwrite reads cgraph's header before each string */
    size_t count, capacity;
    size_t *slots;       /* hash table of number + 1, 0 = empty */
    size_t slot_count;   /* a power of two */
} sharemap_names;

static inline size_t sharemap_hash(const char *text) {
    size_t hash = 1469598103934665603ULL;
    for (; *text; text++) { hash ^= (unsigned char)*text; hash *= 1099511628211ULL; }
    return hash;
}

static inline void *sharemap_id_open(Agraph_t *graph, Agdisc_t *discipline) {
    (void)discipline;
    sharemap_names *table = (sharemap_names *)calloc(1, sizeof(sharemap_names));
    if (table) table->graph = graph;
    return table;
}

static inline int sharemap_names_grow(sharemap_names *table) {
    size_t slot_count = table->slot_count ? table->slot_count * 2 : 256;
    size_t *slots = (size_t *)calloc(slot_count, sizeof(size_t));
    if (!slots) return 0;
    for (size_t number = 0; number < table->count; number++) {
        size_t slot = sharemap_hash(table->names[number]) & (slot_count - 1);
        while (slots[slot]) slot = (slot + 1) & (slot_count - 1);
        slots[slot] = number + 1;
    }
    free(table->slots);
    table->slots = slots;
    table->slot_count = slot_count;
    return 1;
}

static inline long sharemap_id_map(void *state, int kind, char *name, IDTYPE *id, int create) {
    static IDTYPE anonymous = 1;
    (void)kind;
    sharemap_names *table = (sharemap_names *)state;
    if (!name) {
        *id = anonymous;
        anonymous += 2;
        return 1;
    }
    if (table->slot_count) {
        size_t slot = sharemap_hash(name) & (table->slot_count - 1);
        while (table->slots[slot]) {
            size_t number = table->slots[slot] - 1;
            if (strcmp(table->names[number], name) == 0) {
                *id = (IDTYPE)(2 * (number + 1));
                return 1;
            }
            slot = (slot + 1) & (table->slot_count - 1);
        }
    }
    if (!create) return 0;
    if ((table->count + 1) * 2 > table->slot_count && !sharemap_names_grow(table)) return 0;
    if (table->count == table->capacity) {
        size_t capacity = table->capacity ? table->capacity * 2 : 64;
        char **names = (char **)realloc(table->names, capacity * sizeof(char *));
        if (!names) return 0;
        table->names = names;
        table->capacity = capacity;
    }
    char *copy = agstrdup(table->graph, name);
    if (!copy) return 0;
    size_t number = table->count++;
    table->names[number] = copy;
    size_t slot = sharemap_hash(name) & (table->slot_count - 1);
    while (table->slots[slot]) slot = (slot + 1) & (table->slot_count - 1);
    table->slots[slot] = number + 1;
    *id = (IDTYPE)(2 * (number + 1));
    return 1;
}

static inline long sharemap_id_alloc(void *state, int kind, IDTYPE request) {
    (void)state; (void)kind; (void)request;
    return 0;
}

static inline void sharemap_id_free(void *state, int kind, IDTYPE id) {
    (void)state; (void)kind; (void)id;  /* names are freed with the graph */
}

static inline char *sharemap_id_print(void *state, int kind, IDTYPE id) {
    (void)kind;
    sharemap_names *table = (sharemap_names *)state;
    if (id % 2 != 0 || id == 0) return NULL;
    size_t number = (size_t)(id / 2) - 1;
    return number < table->count ? table->names[number] : NULL;
}

static inline void sharemap_id_close(void *state) {
    sharemap_names *table = (sharemap_names *)state;
    /* cgraph calls this before it closes the graph's string pool. */
    for (size_t number = 0; number < table->count; number++) agstrfree(table->graph, table->names[number]);
    free(table->names);
    free(table->slots);
    free(table);
}

static inline void sharemap_id_register(void *state, int kind, void *object) {
    (void)state; (void)kind; (void)object;
}

/// Opens a graph with sharemap's disciplines: ids in creation order (see sharemap_names) and I/O that
/// writes to a sharemap_buffer, so agwrite can produce DOT in memory.
static inline Agraph_t *sharemap_open(const char *name, Agdesc_t description) {
    static Agiodisc_t io = { NULL, sharemap_buffer_putstr, sharemap_buffer_flush };
    static Agiddisc_t ids = { sharemap_id_open, sharemap_id_map, sharemap_id_alloc, sharemap_id_free,
                              sharemap_id_print, sharemap_id_close, sharemap_id_register };
    static Agdisc_t discipline = { NULL, NULL, NULL };
    discipline.mem = &AgMemDisc;
    discipline.id = &ids;
    discipline.io = &io;
    return agopen((char *)name, description, &discipline);
}

/// Writes a graph as DOT into `buffer` (without layout). Returns 0 on success.
static inline int sharemap_write_dot(Agraph_t *graph, sharemap_buffer *buffer) {
    return agwrite(graph, buffer) == EOF ? -1 : 0;
}

/// Graphviz's error and warning messages since the last reset, collected instead of printed to stderr.
static inline sharemap_buffer *sharemap_messages(void) {
    static sharemap_buffer messages = { NULL, 0, 0 };
    return &messages;
}

static inline int sharemap_collect_message(char *message) {
    return sharemap_buffer_putstr(sharemap_messages(), message);
}

/// Starts a job: routes warnings and errors to the message buffer, empties it and resets the error count,
/// so one failure does not poison the next job.
static inline void sharemap_begin_job(void) {
    agseterr(AGWARN);
    agseterrf(sharemap_collect_message);
    agreseterrors();
    sharemap_buffer *messages = sharemap_messages();
    messages->length = 0;
    if (messages->data) messages->data[0] = 0;
}

/// gvRenderData with a size_t length: its length parameter is `unsigned int *` in Graphviz 2.x and
/// `size_t *` from Graphviz 13, so only this function changes for a newer Graphviz.
static inline int sharemap_render_data(GVC_t *context, Agraph_t *graph, const char *format, char **result, size_t *length) {
    unsigned int count = 0;
    int status = gvRenderData(context, graph, format, result, &count);
    *length = count;
    return status;
}

#endif
