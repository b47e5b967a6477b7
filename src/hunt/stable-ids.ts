/**
 * The UUIDv5 namespace of breachbot's exports (STIX object ids, Sigma rule ids): the same name always gives the same
 * id, so a re-export does not create new objects in the receiving system. Itself `uuidv5('breachbot', URL)`.
 */
export const BREACHBOT_NAMESPACE = 'eab71b87-0c66-5690-ba63-5cb39475bac3';
