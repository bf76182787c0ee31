// What "unhealthy" means, shared by the engine's event log and the replay's node colours, so
// the canvas and the incident timeline never disagree.

/** A node is unhealthy when at least this share of its finished requests fail... */
export const UNHEALTHY_RATIO = 0.2;
/** ...and healthy again below this share; between the two it is degraded. */
export const RECOVERED_RATIO = 0.05;
/** Windows with fewer finished requests say too little to judge. */
export const MIN_DONE = 10;
/** A client meets its objective while at least this share of its requests succeed. */
export const SLO_SUCCESS = 0.99;
/** A node is saturated when its slots are busy this share of the time. */
export const SATURATED_UTILISATION = 0.9;
