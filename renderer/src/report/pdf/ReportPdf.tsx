/** The whole report as one react-pdf Document: every page drawn from the report model, nothing computed here. */
import { Document } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { SECTION_TITLES } from '../../../../shared/report/types.ts';
import type { ReportDocument, SectionKey } from '../../../../shared/report/types.ts';
import { appendixBlocks } from './Appendix.tsx';
import { Cover } from './Cover.tsx';
import { DiagramPage } from './DiagramPage.tsx';
import { findingBlocks } from './Findings.tsx';
import { blocks, contentWidth, flowPages, pageRoom } from './flow.tsx';
import { FolioContext, SectionTitle, TextPage } from './layout.tsx';
import { modelBlocks } from './ModelPages.tsx';
import { recommendationBlocks } from './Recommendations.tsx';
import { impactBlocks, ScenarioIntro, ScenarioTitle } from './ScenarioPages.tsx';
import { Summary } from './Summary.tsx';
import { Text } from '@react-pdf/renderer';
import { s } from './theme.ts';

function sectionPages(doc: ReportDocument, key: SectionKey, number: number): ReactElement[] {
  const { meta } = doc;
  const paper = meta.paper;
  const width = contentWidth(paper);
  const title = SECTION_TITLES[key];
  const chrome = { meta, section: `${number} ${title}` };
  const bookmark = `${number} ${title}`;
  const page = (children: ReactElement) => (
    <TextPage key={key} {...chrome} paper={paper} bookmark={bookmark}>
      <SectionTitle number={number} title={title} />
      {children}
    </TextPage>
  );
  switch (key) {
    case 'summary':
      return doc.summary ? [page(<Summary summary={doc.summary} width={width} room={pageRoom(paper)} />)] : [];
    case 'model':
      return doc.model
        ? [
            ...flowPages(chrome, paper, [blocks.title(number, title), ...modelBlocks(doc.model, width)], bookmark),
            ...doc.model.diagrams.map((view) => (
              <DiagramPage key={view.id} view={view} chrome={chrome} paper={paper} bookmark={view.title} />
            )),
          ]
        : [];
    case 'scenarios':
      if (doc.scenarios.length === 0) return [page(<Text style={s.muted}>No scenarios in this report.</Text>)];
      return doc.scenarios.flatMap((sc, i) => {
        const n = `${number}.${i + 1}`;
        const scChrome = { meta, section: `${n} ${sc.name}` };
        return [
          <TextPage key={`${sc.id}:intro`} {...scChrome} paper={paper} bookmark={`${n} ${sc.name}`}>
            {i === 0 ? <SectionTitle number={number} title={title} /> : null}
            <ScenarioTitle number={n} scenario={sc} />
            <ScenarioIntro scenario={sc} paper={paper} />
          </TextPage>,
          ...sc.diagrams.map((view) => <DiagramPage key={view.id} view={view} chrome={scChrome} paper={paper} />),
          ...flowPages(scChrome, paper, impactBlocks(sc, n, width)),
        ];
      });
    case 'findings':
      return doc.findings ? flowPages(chrome, paper, [blocks.title(number, title), ...findingBlocks(doc.findings, width)], bookmark) : [];
    case 'recommendations':
      return doc.recommendations
        ? flowPages(chrome, paper, [blocks.title(number, title), ...recommendationBlocks(doc.recommendations, width, scenarioNumbers(doc))], bookmark)
        : [];
    case 'appendix':
      return doc.appendix ? flowPages(chrome, paper, [blocks.title(number, title), ...appendixBlocks(doc.appendix, width)], bookmark) : [];
  }
}

/** "3.2" for the second scenario page, or "#2" (its rank) when the report has no scenario pages. */
function scenarioNumbers(doc: ReportDocument): Map<string, string> {
  const at = doc.sections.indexOf('scenarios') + 1;
  if (at > 0) return new Map(doc.scenarios.map((s, i) => [s.id, `${at}.${i + 1}`]));
  return new Map((doc.summary?.scenarios ?? []).map((s) => [s.id, `#${s.rank}`]));
}

/** Every page of the report, each planned to print as one page. */
export function reportPages(doc: ReportDocument): ReactElement[] {
  return [<Cover key="cover" doc={doc} />, ...doc.sections.flatMap((key, i) => sectionPages(doc, key, i + 1))];
}

/**
 * The document. With `numbered`, each page prints "Page n of N" from the plan; without, react-pdf numbers them
 * as it paginates (slower; right even when a page overflows onto a second one).
 */
export function ReportPdf({ doc, pages, numbered }: { doc: ReportDocument; pages: readonly ReactElement[]; numbered: boolean }) {
  const { meta } = doc;
  return (
    <Document
      title={meta.title}
      author={[meta.author, meta.organisation].filter(Boolean).join(', ') || undefined}
      subject={`Threat model report: ${meta.modelName}`}
      keywords="threat model, non-human identity, blast radius, OWASP NHI Top 10"
      creator={meta.generator}
      producer={meta.generator}
      language="en"
      pageMode="useOutlines"
    >
      {pages.map((page, i) => (
        <FolioContext.Provider key={i} value={numbered ? { number: i + 1, total: pages.length } : null}>
          {page}
        </FolioContext.Provider>
      ))}
    </Document>
  );
}
