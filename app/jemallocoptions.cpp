// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors

// jemalloc reads its options from this symbol when the process starts.
// - One arena: the hub runs one worker thread per core plus a few helpers, and every further arena kept about a
//   megabyte more resident at 1,024 streams for no measurable speed.
// - Freed pages go back to the system a fifth of a second after a burst (a background thread does it, off the
//   request path), so the memory of a burst of streams does not stay resident. 0 (at once) cost the relay path
//   about 4 % more CPU; a second kept some 2 MB more resident after 1,024 streams.
extern "C" {
extern const char *malloc_conf;
const char *malloc_conf = "narenas:1,background_thread:true,dirty_decay_ms:200,muzzy_decay_ms:0";
}
