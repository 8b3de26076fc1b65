/** The Path tab: pair picker, the migration path, 2025 vs legacy, why, what-if — top to bottom. */
import type { ReactNode } from 'react';
import { WhatIfList } from '../whatif/WhatIfList';
import { Comparison } from './Comparison';
import { MigrationPath } from './MigrationPath';
import { PairPicker } from './PairPicker';
import { WhyView } from './WhyView';
import { Deferred } from '../StoreContext';
import './path.css';

/** A collapsible section with a heading, open by default, so the tab can be scanned and folded. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <details className="path-section" open aria-labelledby={`${id}-title`}>
      <summary>
        <h2 id={`${id}-title`}>{title}</h2>
      </summary>
      {children}
    </details>
  );
}

export function PathPanel() {
  return (
    <div className="path-panel">
      <PairPicker />
      {/* The path, the comparison and the why follow the diagram a render later (issue 25). */}
      <Deferred>
        <MigrationPath />
        <Section id="comparison" title="Windows Server 2025 vs legacy">
          <Comparison />
        </Section>
        <Section id="why" title="Why">
          <WhyView />
        </Section>
      </Deferred>
      <Section id="whatif" title="What-if failures">
        <WhatIfList />
      </Section>
    </div>
  );
}
