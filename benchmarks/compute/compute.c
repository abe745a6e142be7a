// A compute-bound guest for comparing the code the JVM runs with the code V8 runs: the same wasm,
// no host calls. crunch(n) runs three kernels on a buffer of n KiB and returns a checksum:
// a sieve (byte loads and stores), a small bytecode interpreter (a switch in a loop, as in a
// JavaScript or Python engine) and a hash over 32-bit words (arithmetic on memory).
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t sieve(uint8_t *flags, uint32_t n) {
    memset(flags, 1, n);
    uint32_t count = 0;
    for (uint32_t i = 2; i < n; i++) {
        if (flags[i]) {
            count++;
            for (uint32_t j = i + i; j < n; j += i) flags[j] = 0;
        }
    }
    return count;
}

enum { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, DEC, STORE, LOAD, HALT };

static uint32_t interpret(uint32_t iterations) {
    // acc = 0; i = iterations; do { acc = acc * 31 + i; i-- } while (i)
    static const int32_t program[] = {PUSH, 0, STORE, 0,
        /* 4: */ LOAD, 0, PUSH, 31, MUL, LOAD, 1, ADD, STORE, 0, LOAD, 1, DEC, DUP, STORE, 1, JNZ, 4, LOAD, 0, HALT};
    int32_t stack[16];
    int32_t vars[2];
    int sp = 0, pc = 0;
    vars[1] = (int32_t) iterations;
    for (;;) {
        switch (program[pc++]) {
            case PUSH: stack[sp++] = program[pc++]; break;
            case ADD: sp--; stack[sp - 1] += stack[sp]; break;
            case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
            case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
            case DUP: stack[sp] = stack[sp - 1]; sp++; break;
            case SWAP: { int32_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
            case JNZ: { int32_t target = program[pc++]; if (stack[--sp]) pc = target; break; }
            case DEC: stack[sp - 1]--; break;
            case STORE: vars[program[pc++]] = stack[--sp]; break;
            case LOAD: stack[sp++] = vars[program[pc++]]; break;
            case HALT: return (uint32_t) stack[sp - 1];
        }
    }
}

static uint32_t hash(uint32_t *words, uint32_t n) {
    uint32_t x = 2463534242u;
    for (uint32_t i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        words[i] = x;
    }
    uint32_t h = 2166136261u;
    for (uint32_t round = 0; round < 4; round++)
        for (uint32_t i = 0; i < n; i++) h = (h ^ words[i]) * 16777619u;
    return h;
}

__attribute__((export_name("crunch")))
uint32_t crunch(uint32_t kib) {
    uint32_t bytes = kib * 1024;
    uint8_t *buffer = malloc(bytes);
    uint32_t result = sieve(buffer, bytes);
    result = result * 31 + interpret(bytes);
    result = result * 31 + hash((uint32_t *) buffer, bytes / 4);
    free(buffer);
    return result;
}

// The kernels one at a time, on a buffer of kib KiB (the kernels differ in what slows them: tight
// loops over bytes, a dispatch loop, arithmetic on words).
static uint32_t with_buffer(uint32_t kib, uint32_t (*kernel)(uint8_t *, uint32_t)) {
    uint8_t *buffer = malloc(kib * 1024);
    uint32_t result = kernel(buffer, kib * 1024);
    free(buffer);
    return result;
}

static uint32_t sieve_kernel(uint8_t *buffer, uint32_t bytes) { return sieve(buffer, bytes); }

static uint32_t hash_kernel(uint8_t *buffer, uint32_t bytes) { return hash((uint32_t *) buffer, bytes / 4); }

__attribute__((export_name("sieve")))
uint32_t sieve_export(uint32_t kib) { return with_buffer(kib, sieve_kernel); }

__attribute__((export_name("interpret")))
uint32_t interpret_export(uint32_t kib) { return interpret(kib * 1024); }

__attribute__((export_name("hash")))
uint32_t hash_export(uint32_t kib) { return with_buffer(kib, hash_kernel); }
