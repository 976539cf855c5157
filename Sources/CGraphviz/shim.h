#ifndef SHAREMAP_CGRAPHVIZ_SHIM_H
#define SHAREMAP_CGRAPHVIZ_SHIM_H

// The only C that sharemap has: Graphviz's headers plus a few static inline helpers for what Swift 6
// cannot reach safely (C globals such as Agdirected, a callback for the error channel) and the one
// call whose signature differs between Graphviz versions (gvRenderData's length).

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

/// Opens a graph whose I/O discipline writes to a sharemap_buffer, so agwrite can produce DOT in memory.
static inline Agraph_t *sharemap_open(const char *name, Agdesc_t description) {
    static Agiodisc_t io = { NULL, sharemap_buffer_putstr, sharemap_buffer_flush };
    static Agdisc_t discipline = { NULL, NULL, NULL };
    discipline.mem = &AgMemDisc;
    discipline.id = &AgIdDisc;
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
