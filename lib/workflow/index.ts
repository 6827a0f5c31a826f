/**
 * The review workflow module: vocabulary (labels, tones), the (state, event) table, chains,
 * stage progress and the pure `decide`. Everything else imports from here.
 */
export * from "./vocabulary";
export * from "./table";
export * from "./chain";
export * from "./progress";
export * from "./decide";
export * from "./report-lifecycle";
