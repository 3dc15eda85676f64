import { Injectable } from '@nestjs/common';
import { FRAUD_RULE_IDS, fraudRule, type FraudRuleId, type Label } from '@lib/domain';
import { ProgrammeRegistry } from '@lib/platform';
import type { AlertCsvWords, AlertReason, FraudAlertRow } from '@lib/projections';
import type { Lang } from '../problem/messages/language';
import { MessageRenderer } from '../problem/messages/message-renderer';
import { stepLabels } from '../problem/messages/step-labels';

interface RuleWords {
  title?: Label;
  legalBasis?: Label;
}

/**
 * An alert's rule title, legal basis and reasons in the reader's language: the titles and legal
 * bases from the programme's labels (the stored English text where a definition gives none), the
 * reasons from their message keys through the API's catalogue.
 */
@Injectable()
export class AlertWording {
  private readonly renderer: MessageRenderer;
  private readonly rules = new Map<string, RuleWords>();

  constructor(programmes: ProgrammeRegistry) {
    this.renderer = new MessageRenderer(stepLabels(programmes));
    // The newest version that labels a rule wins; one programme's words never name another's rule.
    for (const programme of [...programmes.all()].sort((a, b) => b.version - a.version)) {
      for (const id of FRAUD_RULE_IDS) {
        const rule = fraudRule(programme.fraudRules, id as FraudRuleId) ?? programme.fraudRules?.[id];
        const key = `${programme.id}|${id}`;
        if (!rule || this.rules.has(key)) continue;
        this.rules.set(key, { title: rule.label, legalBasis: rule.legalBasisLabel });
      }
    }
  }

  title(row: Pick<FraudAlertRow, 'programmeId' | 'rule' | 'title'>, lang: Lang): string {
    return this.rules.get(`${row.programmeId}|${row.rule}`)?.title?.[lang] ?? row.title;
  }

  legalBasis(row: Pick<FraudAlertRow, 'programmeId' | 'rule' | 'legalBasis'>, lang: Lang): string {
    return this.rules.get(`${row.programmeId}|${row.rule}`)?.legalBasis?.[lang] ?? row.legalBasis;
  }

  reasons(reasons: readonly AlertReason[], lang: Lang): string[] {
    return reasons.map((reason) => this.renderer.render(lang, reason.key, reason.params));
  }

  forCsv(lang: Lang): AlertCsvWords {
    return { title: (alert) => this.title(alert, lang), legalBasis: (alert) => this.legalBasis(alert, lang), reasons: (reasons) => this.reasons(reasons, lang) };
  }
}
