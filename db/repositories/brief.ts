import type { Store } from '../store';
import { getRecord } from './records';
import { partnerDashboard, type PartnerDashboardData } from './dashboard';

/**
 * What a brief for resource managers says for one budget deadline, read from
 * the records: per partner, the dashboard's series (the brief draws the same
 * charts) and per project its benchmarks with the latest measured value
 * against the target and the joint rating, the check-in points whose
 * assessments will be late for the deadline, and its resource lines with
 * amounts, constraint, risk and mitigation. A post-wide deadline covers every
 * partner with a project (or the one partner asked for).
 */

export interface BriefBenchmark {
  id: string;
  title: string;
  titleAr: string;
  unit: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  periodicTargets: { date: string; value: string }[];
  /** From the latest assessed check-in point that measured it (null: never measured). */
  latest: { value: string; date: string; rating: string } | null;
  /** Every measured value, oldest first (for the trend). */
  measured: { value: string; date: string; rating: string }[];
}

export interface BriefResource {
  id: string;
  title: string;
  authority: string;
  fiscalYear: number;
  requestedMinor: number | null;
  approvedMinor: number | null;
  currency: string;
  constraint: string;
  risk: string;
  mitigation: string;
}

export interface BriefProject {
  id: string;
  title: string;
  titleAr: string;
  status: string;
  benchmarks: BriefBenchmark[];
  lateCheckIns: { id: string; title: string; titleAr: string; dueDate: string }[];
  resources: BriefResource[];
}

export interface BriefPartner {
  id: string;
  name: string;
  nameAr: string;
  dashboard: PartnerDashboardData;
  projects: BriefProject[];
  /** Resource lines of the partner not tied to a project. */
  otherResources: BriefResource[];
}

export interface BriefContent {
  deadline: { id: string; name: string; nameAr: string; date: string; fiscalYear: number; partnerId: string | null };
  today: string;
  partners: BriefPartner[];
  deliveries: { recipientName: string; deliveredOn: string }[];
}

const fiscalYearEnd = (fiscalYear: number) => `${String(fiscalYear)}-09-30`;

export function briefContent(store: Store, deadlineId: string, today: string, partnerId?: string): BriefContent {
  const deadline = getRecord(store, 'budgetDeadlines', deadlineId);
  const own = typeof deadline.partnerId === 'string' && deadline.partnerId ? deadline.partnerId : null;
  const partnerIds = own
    ? [own]
    : partnerId
      ? [getRecord(store, 'partners', partnerId).id]
      : (store.db.prepare('SELECT id FROM partners WHERE id IN (SELECT partner_id FROM projects) ORDER BY name, id').pluck().all() as string[]);
  const date = String(deadline.date);
  const end = fiscalYearEnd(Number(deadline.fiscalYear));

  const projectsOf = store.db.prepare("SELECT id, title, title_ar, status FROM projects WHERE partner_id = ? AND status <> 'cancelled' ORDER BY title, id");
  const benchmarksOf = store.db.prepare('SELECT id, title, title_ar, unit, baseline_value, baseline_date, target_value, target_date FROM benchmarks WHERE project_id = ? ORDER BY title, id');
  const targetsOf = store.db.prepare("SELECT date, value FROM benchmark_targets WHERE benchmark_id = ? AND value <> '' ORDER BY date, id");
  // A measurement is dated by its own day, else by its check-in point's; its joint rating, else the point's.
  const measuredOf = store.db.prepare(
    `SELECT m.value, COALESCE(NULLIF(m.measured_on, ''), NULLIF(c.assessed_on, ''), c.due_date, '') AS at,
            CASE WHEN m.rating <> 'not_rated' THEN m.rating ELSE COALESCE(c.rating, 'not_rated') END AS rating
     FROM measurements m LEFT JOIN check_ins c ON c.id = m.check_in_id
     WHERE m.benchmark_id = ? AND m.value <> '' ORDER BY at, m.id`,
  );
  const lateOf = store.db.prepare("SELECT id, title, title_ar, due_date FROM check_ins WHERE project_id = ? AND status = 'planned' AND due_date > ? AND due_date <= ? ORDER BY due_date, id");
  const resourcesOf = store.db.prepare(
    'SELECT id, title, project_id, authority, fiscal_year, requested_minor, approved_minor, currency, "constraint", risk, mitigation FROM resources WHERE partner_id = ? ORDER BY fiscal_year, authority, title, id',
  );

  const partners = partnerIds.map((id): BriefPartner => {
    const partner = getRecord(store, 'partners', id);
    const resources = (resourcesOf.all(id) as Record<string, unknown>[]).map((row) => ({
      projectId: row.project_id as string | null,
      line: {
        id: String(row.id),
        title: String(row.title),
        authority: String(row.authority),
        fiscalYear: Number(row.fiscal_year),
        requestedMinor: row.requested_minor as number | null,
        approvedMinor: row.approved_minor as number | null,
        currency: String(row.currency),
        constraint: String(row.constraint ?? ''),
        risk: String(row.risk),
        mitigation: String(row.mitigation ?? ''),
      },
    }));
    const projects = (projectsOf.all(id) as { id: string; title: string; title_ar: string; status: string }[]).map((project): BriefProject => ({
      id: project.id,
      title: project.title,
      titleAr: project.title_ar,
      status: project.status,
      benchmarks: (benchmarksOf.all(project.id) as Record<string, unknown>[]).map((row) => {
        const benchmarkId = String(row.id);
        const measured = (measuredOf.all(benchmarkId) as { value: string; at: string; rating: string }[]).map((row) => ({ value: row.value, date: row.at, rating: row.rating }));
        return {
          id: benchmarkId,
          title: String(row.title),
          titleAr: String(row.title_ar ?? ''),
          unit: String(row.unit),
          baselineValue: String(row.baseline_value ?? ''),
          baselineDate: String(row.baseline_date ?? ''),
          targetValue: String(row.target_value ?? ''),
          targetDate: String(row.target_date ?? ''),
          periodicTargets: targetsOf.all(benchmarkId) as { date: string; value: string }[],
          latest: measured.at(-1) ?? null,
          measured,
        };
      }),
      lateCheckIns: (lateOf.all(project.id, date, end) as { id: string; title: string; title_ar: string; due_date: string }[]).map((row) => ({ id: row.id, title: row.title, titleAr: row.title_ar, dueDate: row.due_date })),
      resources: resources.filter((r) => r.projectId === project.id).map((r) => r.line),
    }));
    const projectIds = new Set(projects.map((p) => p.id));
    return {
      id,
      name: partner.title,
      nameAr: String(partner.nameAr ?? ''),
      dashboard: partnerDashboard(store, id, today),
      projects,
      otherResources: resources.filter((r) => !r.projectId || !projectIds.has(r.projectId)).map((r) => r.line),
    };
  });
  const deliveries = store.db
    .prepare("SELECT COALESCE(p.name, '') AS recipient_name, b.delivered_on FROM brief_deliveries b LEFT JOIN people p ON p.id = b.recipient_id WHERE b.deadline_id = ? ORDER BY b.delivered_on, b.id")
    .all(deadlineId) as { recipient_name: string; delivered_on: string }[];
  return {
    deadline: { id: deadline.id, name: deadline.title, nameAr: String(deadline.nameAr ?? ''), date, fiscalYear: Number(deadline.fiscalYear), partnerId: own },
    today,
    partners,
    deliveries: deliveries.map((d) => ({ recipientName: d.recipient_name, deliveredOn: d.delivered_on })),
  };
}

export interface CommuniqueContent {
  kind: 'meeting' | 'checkIn';
  title: string;
  /** The meeting's or check-in point's Arabic title ('' where it has none). */
  titleAr: string;
  date: string;
  partner: { name: string; nameAr: string };
  /** Meeting: its decisions text (in English and in Arabic) and action items. */
  decisions: string;
  decisionsAr: string;
  actionItems: { description: string; descriptionAr: string; owner: string; dueDate: string }[];
  /** Check-in point: its joint assessment. */
  rating: string;
  measured: { benchmark: string; benchmarkAr: string; value: string; target: string }[];
  evidence: string;
  acknowledgedBy: string;
  acknowledgedOn: string;
}

/** A formal communique's content: from a meeting (decisions and action items) or a check-in point (its joint assessment). */
export function communiqueContent(store: Store, source: { meetingId: string } | { checkInId: string }): CommuniqueContent {
  const empty = { decisions: '', decisionsAr: '', actionItems: [], rating: '', measured: [], evidence: '', acknowledgedBy: '', acknowledgedOn: '' };
  if ('meetingId' in source) {
    const meeting = getRecord(store, 'meetings', source.meetingId);
    const partner = getRecord(store, 'partners', String(meeting.partnerId));
    const actionItems = store.db
      .prepare("SELECT a.description, a.description_ar, COALESCE(p.name, '') AS owner, a.due_date FROM action_items a LEFT JOIN people p ON p.id = a.owner_id WHERE a.meeting_id = ? AND a.status <> 'cancelled' ORDER BY a.due_date = '', a.due_date, a.id")
      .all(meeting.id) as { description: string; description_ar: string; owner: string; due_date: string }[];
    return {
      ...empty,
      kind: 'meeting',
      title: meeting.title,
      titleAr: String(meeting.titleAr ?? ''),
      date: String(meeting.date),
      partner: { name: partner.title, nameAr: String(partner.nameAr ?? '') },
      decisions: String(meeting.decisions ?? ''),
      decisionsAr: String(meeting.decisionsAr ?? ''),
      actionItems: actionItems.map((a) => ({ description: a.description, descriptionAr: a.description_ar, owner: a.owner, dueDate: a.due_date })),
    };
  }
  const checkIn = getRecord(store, 'checkIns', source.checkInId);
  const partner = store.db.prepare('SELECT r.id FROM partners r JOIN projects p ON p.partner_id = r.id WHERE p.id = ?').pluck().get(String(checkIn.projectId)) as string | undefined;
  const partnerRow = partner ? getRecord(store, 'partners', partner) : undefined;
  const ids = Array.isArray(checkIn.benchmarkIds) ? (checkIn.benchmarkIds as string[]) : [];
  const valueAt = store.db.prepare("SELECT value FROM measurements WHERE check_in_id = ? AND benchmark_id = ? ORDER BY measured_on DESC, id DESC LIMIT 1").pluck();
  const benchmark = store.db.prepare('SELECT title, title_ar, target_value FROM benchmarks WHERE id = ?');
  const measured = ids.flatMap((id) => {
    const row = benchmark.get(id) as { title: string; title_ar: string; target_value: string } | undefined;
    if (!row) return [];
    return [{ benchmark: row.title, benchmarkAr: row.title_ar, value: String(valueAt.get(checkIn.id, id) ?? ''), target: String(row.target_value ?? '') }];
  });
  return {
    ...empty,
    kind: 'checkIn',
    title: checkIn.title,
    titleAr: String(checkIn.titleAr ?? ''),
    date: String(checkIn.assessedOn || checkIn.dueDate),
    partner: { name: partnerRow?.title ?? '', nameAr: String(partnerRow?.nameAr ?? '') },
    rating: String(checkIn.rating),
    measured,
    evidence: String(checkIn.evidenceNotes ?? ''),
    acknowledgedBy: String(checkIn.partnerAcknowledgedBy ?? ''),
    acknowledgedOn: String(checkIn.partnerAcknowledgedOn ?? ''),
  };
}
