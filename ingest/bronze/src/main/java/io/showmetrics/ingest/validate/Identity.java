package io.showmetrics.ingest.validate;

/** How records of an entity are told apart, which decides what a repeated key means. */
public enum Identity {
  /** Same key, same content: duplicate. Same key, different content: {@code conflicting_id}. */
  EVENT,
  /** Same key, same content: duplicate. Same key, different content: an update, accepted. */
  UPDATE,
  /** No key: identical content is a duplicate, anything else is accepted. */
  KEYLESS
}
