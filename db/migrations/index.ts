import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_sync';
import { migration0003 } from './0003_planning';
import { migration0004 } from './0004_mou_signings';
import { migration0005 } from './0005_mou_arabic_title';
import { migration0006 } from './0006_field_stamps_from_log';
import { migration0007 } from './0007_audit_integer_ids';
import { migration0008 } from './0008_change_log_by_stamp';
import { migration0009 } from './0009_sheet_keys';
import { migration0010 } from './0010_bilingual_mou';
import { migration0011 } from './0011_list_order';
import { migration0012 } from './0012_officers';
import { migration0013 } from './0013_signed_batches';
import { migration0014 } from './0014_typed_results';
import { migration0015 } from './0015_brief_deliveries';
import { migration0016 } from './0016_encryption_keys';
import { migration0017 } from './0017_partner_name_index';
import { migration0018 } from './0018_arabic_names_searchable';
import { migration0019 } from './0019_retired_encryption_keys';
import { migration0020 } from './0020_arabic_titles';
import { migration0021 } from './0021_arabic_meetings_and_actions';
import type { Migration } from './types';

/** Every migration, in order. Add a numbered file and list it here; never edit a released one. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
