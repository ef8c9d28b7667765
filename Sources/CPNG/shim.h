// libpng for Swift.
//
// libpng reports errors by calling longjmp, and a longjmp must never cross Swift frames (Swift would skip
// releases and deinitializers). So every call into libpng happens in this header, in static inline C
// behind setjmp, and the Swift side sees only an int result and an error message.
//
// zlib.h is included for Swift as well: FramePNG and APNGWriter compress animation frames with zlib
// directly (deflate, crc32, adler32 and adler32_combine), and the tests inflate image data with
// `uncompress` independently of libpng.
#ifndef DESCENT_CPNG_SHIM_H
#define DESCENT_CPNG_SHIM_H

#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

// Result codes of descent_png_encode.
enum {
    DESCENT_PNG_OK = 0,
    DESCENT_PNG_ERROR = 1,          // libpng failed; the message says why
    DESCENT_PNG_OUT_OF_MEMORY = 2,
    DESCENT_PNG_INVALID_ARGUMENT = 3
};

// libpng's filter selection flags under names Swift imports as plain integers.
enum {
    DESCENT_PNG_FILTER_NONE = PNG_FILTER_NONE,
    DESCENT_PNG_FILTER_SUB = PNG_FILTER_SUB,
    DESCENT_PNG_FILTER_UP = PNG_FILTER_UP,
    DESCENT_PNG_FILTER_AVG = PNG_FILTER_AVG,
    DESCENT_PNG_FILTER_PAETH = PNG_FILTER_PAETH,
    DESCENT_PNG_FILTER_ALL = PNG_ALL_FILTERS
};

// A growable block of memory that the encoder appends the PNG stream to. Start it zeroed; release it
// with descent_png_buffer_free.
typedef struct {
    unsigned char *bytes;
    size_t count;
    size_t capacity;
} descent_png_buffer;

// One text chunk: iTXt (UTF-8, uncompressed) when `international` is non-zero, else tEXt (Latin-1).
typedef struct {
    const char *keyword;
    const char *text;
    int international;
} descent_png_text;

// Per-call state reached through libpng's error pointer: where the message of a failure goes.
typedef struct {
    char message[256];
} descent_png_failure;

static inline void descent_png_buffer_free(descent_png_buffer *buffer) {
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->count = 0;
    buffer->capacity = 0;
}

// libpng's error callback: keep the message, then jump back to the setjmp in descent_png_encode.
static inline void descent_png_on_error(png_structp png, png_const_charp message) {
    descent_png_failure *failure = (descent_png_failure *)png_get_error_ptr(png);
    if (failure != NULL) {
        strncpy(failure->message, message != NULL ? message : "unknown libpng error", sizeof failure->message - 1);
        failure->message[sizeof failure->message - 1] = '\0';
    }
    png_longjmp(png, 1);
}

// Warnings (for example about an unusual but valid setting) are not errors; stay quiet.
static inline void descent_png_on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

// libpng's write callback: append to the buffer, doubling its capacity as needed.
static inline void descent_png_on_write(png_structp png, png_bytep data, png_size_t length) {
    descent_png_buffer *buffer = (descent_png_buffer *)png_get_io_ptr(png);
    if (buffer->count + length > buffer->capacity) {
        size_t capacity = buffer->capacity < 4096 ? 4096 : buffer->capacity;
        while (capacity < buffer->count + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->bytes, capacity);
        if (grown == NULL) png_error(png, "out of memory while writing the PNG stream");
        buffer->bytes = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->count, data, length);
    buffer->count += length;
}

static inline void descent_png_on_flush(png_structp png) { (void)png; }

// Encodes a whole 8-bit image as PNG into `out`.
//
// `rows` holds `height` rows of `width` pixels, `stride` bytes apart, each pixel R,G,B (3 bytes) or
// R,G,B,A (4 bytes, straight alpha) when `has_alpha`. `level` is the zlib level 0-9; `filters` is a
// combination of DESCENT_PNG_FILTER_* flags. The text chunks are written before the image data. No tIME
// chunk is written, so equal input gives equal bytes. On failure returns a DESCENT_PNG_* code, copies
// libpng's message into `message` (when not NULL) and leaves whatever was written in `out` for the
// caller to free.
static inline int descent_png_encode(const unsigned char *rows, size_t stride, unsigned int width,
                                     unsigned int height, int has_alpha, int level, int filters,
                                     const descent_png_text *texts, int text_count,
                                     descent_png_buffer *out, char *message, size_t message_size) {
    if (rows == NULL || out == NULL || width == 0 || height == 0 || level < 0 || level > 9 || text_count < 0 ||
        stride < (size_t)width * (has_alpha ? 4 : 3)) {
        return DESCENT_PNG_INVALID_ARGUMENT;
    }
    descent_png_failure failure;
    failure.message[0] = '\0';

    // Everything that the error path frees is set up before setjmp and never changed after it, so none
    // of it needs to be volatile.
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, descent_png_on_error,
                                              descent_png_on_warning);
    if (png == NULL) return DESCENT_PNG_OUT_OF_MEMORY;
    png_infop info = png_create_info_struct(png);
    png_textp chunks = text_count > 0 ? (png_textp)calloc((size_t)text_count, sizeof(png_text)) : NULL;
    if (info == NULL || (text_count > 0 && chunks == NULL)) {
        png_destroy_write_struct(&png, info != NULL ? &info : NULL);
        free(chunks);
        return DESCENT_PNG_OUT_OF_MEMORY;
    }

    if (setjmp(png_jmpbuf(png))) {
        // libpng failed somewhere below and jumped back here.
        png_destroy_write_struct(&png, &info);
        free(chunks);
        if (message != NULL && message_size > 0) {
            strncpy(message, failure.message, message_size - 1);
            message[message_size - 1] = '\0';
        }
        return DESCENT_PNG_ERROR;
    }

    png_set_write_fn(png, out, descent_png_on_write, descent_png_on_flush);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_IHDR(png, info, width, height, 8, has_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    for (int i = 0; i < text_count; i++) {
        // libpng copies the strings during png_set_text; the casts only drop const for its struct.
        chunks[i].compression = texts[i].international ? PNG_ITXT_COMPRESSION_NONE : PNG_TEXT_COMPRESSION_NONE;
        chunks[i].key = (png_charp)texts[i].keyword;
        chunks[i].text = (png_charp)texts[i].text;
        chunks[i].text_length = texts[i].international ? 0 : strlen(texts[i].text);
        chunks[i].itxt_length = texts[i].international ? strlen(texts[i].text) : 0;
        chunks[i].lang = NULL;
        chunks[i].lang_key = NULL;
    }
    if (text_count > 0) png_set_text(png, info, chunks, text_count);
    png_write_info(png, info);
    for (unsigned int y = 0; y < height; y++) {
        png_write_row(png, rows + (size_t)y * stride);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(chunks);
    return DESCENT_PNG_OK;
}

// zlib's deflateInit2 is a macro (it passes the library version and the stream's size along), which Swift
// cannot call; FramePNG and APNGWriter compress rows with zlib directly and start their streams here.
// `stream` must stay at one address until deflateEnd: zlib keeps a pointer back to it.
static inline int descent_deflate_init(z_streamp stream, int level, int window_bits, int mem_level, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, mem_level, strategy);
}

#endif
