/**
 * What the streaming IATI reader yields: one item per activity, interleaved with problems.
 * @module
 */
import type { MappedActivity } from '../../../domain/iati/from-xml';
import type { IatiActivity } from '../../../domain/iati/model';
import type { ActivityWarning, IatiProblemCode, Message } from '../../../domain/iati/problems';
import type { VietnamRelevance } from '../../../domain/iati/vietnam';
import type { XmlNode } from '../../../domain/iati/xml-node';

/** Facts about the document, shared (same object) by all its activities. */
export interface IatiDocumentInfo {
  /** The root `version` attribute as written. */
  version: string;
  /** Root `generated-datetime`, when present. */
  generatedAt?: string;
  /** True when the document says it is synthetic demo data (`vnaid:synthetic="true"`). */
  synthetic: boolean;
}

/** An activity read from the file. */
export interface ParsedActivity {
  kind: 'activity';
  /** 1-based position of the `iati-activity` element in the file (skipped ones included). */
  index: number;
  /** Line of the `iati-activity` start tag. */
  line: number;
  activity: IatiActivity;
  warnings: ActivityWarning[];
  vietnam: VietnamRelevance;
  modalitySource: MappedActivity['modalitySource'];
  document: IatiDocumentInfo;
  /** The activity's element tree, with `keepNode`. */
  node?: XmlNode;
}

/**
 * A problem. `fatal` ends the stream (nothing follows it); `error` means one activity was skipped;
 * `warning` is informative (e.g. a duplicate identifier; the activity itself still follows).
 */
export interface ParseProblem {
  kind: 'problem';
  code: IatiProblemCode;
  severity: 'fatal' | 'error' | 'warning';
  message: Message;
  line?: number;
  column?: number;
  byteOffset?: number;
  /** 1-based index of the activity concerned, if any. */
  activityIndex?: number;
  identifier?: string;
}

/** Options of `readIatiActivities`. */
export interface ReadIatiOptions {
  /** Refuse the input as soon as it exceeds this many bytes (`iati_too_large`). Default 300 MiB. */
  maxBytes?: number;
  /** Currency used when neither a transaction nor its activity states one (e.g. from the publisher's registry record). */
  defaultCurrency?: string;
  /**
   * Read documents whose root `version` is not 2.01–2.03 (nor 1.x) as 2.03, with a warning
   * (`iati_unknown_version`) instead of a fatal error. For upstream test documents (`version="xx"`).
   */
  lenientVersion?: boolean;
  /** Skip (with `iati_activity_too_large`) any single activity holding more characters than this. Default 50 million. */
  maxActivityChars?: number;
  /** Keep each activity's element tree on the result (`node`), for checks of the document itself (tests only). */
  keepNode?: boolean;
}
