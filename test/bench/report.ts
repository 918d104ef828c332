/** A benchmark result: figures with units, and the goal each is held against (if any). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** e.g. '<= 60' or '>= 0.5'; the report marks the figure met or not */
  goal?: string;
}

export interface Section {
  title: string;
  figures: Figure[];
  notes?: string[];
}

export function meetsGoal(figure: Figure): boolean | null {
  if (!figure.goal) return null;
  const match = /^(<=|>=|==)\s*(-?[\d.]+)$/.exec(figure.goal.trim());
  if (!match) return null;
  const target = Number(match[2]);
  if (match[1] === '<=') return figure.value <= target;
  if (match[1] === '>=') return figure.value >= target;
  return figure.value === target;
}

const mark = (f: Figure) => {
  const met = meetsGoal(f);
  return met === null ? '' : met ? 'met' : 'NOT MET';
};

export function toMarkdown(sections: Section[], meta: Record<string, string>): string {
  const lines = ['# Loket benchmark report', ''];
  for (const [k, v] of Object.entries(meta)) lines.push(`- ${k}: ${v}`);
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '', '| figure | value | goal | |', '|---|---|---|---|');
    for (const f of section.figures)
      lines.push(`| ${f.name} | ${round(f.value)} ${f.unit} | ${f.goal ?? ''} | ${mark(f)} |`);
    for (const note of section.notes ?? []) lines.push('', note);
  }
  return `${lines.join('\n')}\n`;
}

export function toSummary(sections: Section[]): string {
  return sections
    .flatMap((s) =>
      s.figures.map(
        (f) => `${s.title} / ${f.name}: ${round(f.value)} ${f.unit}${f.goal ? ` (goal ${f.goal}: ${mark(f)})` : ''}`,
      ),
    )
    .join('\n');
}

export const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
