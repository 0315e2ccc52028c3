/** Bounds that keep reading a hostile document cheap. */
export type XmlLimits = {
  /** Largest accepted document, in bytes (UTF-8 for string input). */
  maxBytes: number;
  /** Deepest accepted element nesting. */
  maxDepth: number;
};

/** 32 MiB covers invoices with large embedded attachments; depth 64 is far beyond UBL's or CII's ~12. */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = { maxBytes: 32 * 1024 * 1024, maxDepth: 64 };
