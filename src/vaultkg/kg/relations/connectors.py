"""What may stand between a drug, an action phrase and its targets for them to belong together.

Each pattern is matched in full against the text between two spans, never searched, so a
connector only counts when nothing else stands in the gap.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
# words that link a subject to a predicate noun: "is", "acts as", "is thought to be", "may be"
_LINK = (
    r"(?:is|are|was|were|be|being|been|am|acts?|acting|works?|working|functions?|serves?|"
    r"behaves?|remains?|also|mainly|primarily|chiefly|predominantly|mostly|both|potentially|"
    r"known|considered|classed|classified|described|thought|believed|regarded|appears?|seems?|"
    r"to|as|may|might|can|could|would|will|does|do|did|not|never|no|n't|likely|probably|"
    r"possibly|itself|only|still|clinically|essentially|filed|listed|labell?ed|"
    r"categori[sz]ed|termed|called|marketed|usually|often|generally|typically|treated)"
)
# premodifiers of a predicate noun: "a potent, selective, reversible", "an adenosine receptor"
_ADJ = (
    r"(?:(?!(?:and|or|but|of|in|on|at|by|with|for|which|that|from|than|via|is|are|was|were|"
    r"not|no)\b)[A-Za-z0-9][\w'-]*,?\s+)"
)
_ARTICLE = r"(?:an?|the)\s+"
# "the standard example of an", "one of the", "a member of the"
_OF_KIND = (
    rf"(?:(?:{_ADJ}){{0,2}}(?:example|kind|type|form|sort|member|one|case|instance)s?\s+of\s+"
    rf"(?:{_ARTICLE})?)?"
)

# drug → predicate noun: "X is a", "X acts as an", "X, a", "X (a", "X (", "X — the", "X: "; a
# comma without an article is a list ("aspirin, ADP receptor inhibitors")
_ASIDE_COMMAS = (
    r"(?:,\s*(?:for\s+(?:instance|example)|however|though|too|also|therefore|thus|then|"
    r"in\s+fact|in\s+turn|in\s+short)\s*,\s*)?"
)
_BRAND = r"(?:\s*\([^()]{1,30}\))?"  # "aripiprazole (Abilify) ="
COPULA = re.compile(
    rf"{_BRAND}[\s*_]*{_ASIDE_COMMAS}(?:,\s*{_ARTICLE}|[(\-–—:|=]\s*(?:{_ARTICLE})?|(?:{_LINK}\s+)+(?:{_ARTICLE})?)"
    rf"{_OF_KIND}{_ADJ}{{0,4}}",
    _I,
)
# the same, where the drug is a list whose items all share the predicate ("A and B are …")
COPULA_VERB = re.compile(
    rf"{_BRAND}\s*{_ASIDE_COMMAS}(?:{_LINK}\s+)+(?:{_ARTICLE})?{_OF_KIND}{_ADJ}{{0,4}}", _I
)
# predicate noun → its members: "… inhibitors such as", "(e.g.", ": ", "the D2 antagonist X"
EXEMPLIFY = re.compile(
    r"\s*(?:,\s*|\(\s*)?(?:such\s+as|e\.\s?g\.?|eg\.|i\.\s?e\.?|incl(?:uding|\.)|like|"
    r"for\s+(?:example|instance)|namely|especially|particularly|notably|:|[-–—])[\s,:]*"
    r"(?:the\s+)?|\s*\(\s*|[ \t]+",
    _I,
)
# a second predicate sharing the subject: "… at D2 and an antagonist at 5-HT2A"
INHERIT = re.compile(
    r"\s*(?:(?:receptors?|channels?|transporters?|enzymes?|subtypes?)\b)?"
    rf"\s*,?\s*(?:(?:and|or|as\s+well\s+as|but\s+also|plus|while|whilst)\s+)?(?:{_LINK}\s+)*"
    rf"(?:{_ARTICLE})?{_ADJ}{{0,4}}",
    _I,
)
# sentence start → predicate noun of the note's own drug: "It is a", "- Selective"
DEFAULT_LEAD = re.compile(
    rf"\s*(?:[-*+>•]\s*|\d+[.)]\s*)*(?:(?:it|this|drug|agent|compound|{_LINK})\s+)*(?:{_ARTICLE})?"
    rf"{_ADJ}{{0,4}}",
    _I,
)
# a target before a participle: "D2 receptors are potently blocked by"
PASSIVE_OBJECT = re.compile(
    r"\s*(?:(?:receptors?|channels?|transporters?|enzymes?|subtypes?)\b)?"
    r"\s*,?\s*(?:(?:which|that|is|are|was|were|be|being|been|can|may|might|could|also|not|"
    r"never|n't|only|both|become|becomes|became|get|gets|got|remain|remains|\w+ly)\s+)*",
    _I,
)
# participle → agent: " by", " potently by", " in the liver by", " by chronic"
BY_AGENT = re.compile(r"\s*,?\s*(?:[a-z]+ly\s+)?by\s+(?:[\w-]+\s+){0,2}?", _I)
BY_ENZYME = re.compile(
    r"\s*,?\s*(?:[\w-]+\s+){0,4}?(?:by|via|through)\s+(?:(?:the|both|hepatic|intestinal)\s+)*"
    r"(?:[\w-]+\s+)?",
    _I,
)
# nominalisation → its agent: "blockade of D2 by haloperidol"; adaptations also "in cocaine
# users", "after chronic amphetamine"
NOMINAL_BY = re.compile(
    r"\s*(?:(?:re)?uptake|receptors?|transporters?|channels?)?\s*,?\s*(?:[a-z]+ly\s+)?(?:by|with)\s+"
    r"(?:[\w-]+\s+){0,2}?",
    _I,
)
ADAPTATION_BY = re.compile(
    r"\s*,?\s*(?:by|in|after|with|from|following|during|among)\s+(?:[\w-]+\s+){0,2}?", _I
)
# drug → nominalisation: "haloperidol's", "haloperidol-mediated", "cocaine-induced"
POSSESSIVE = re.compile(
    rf"(?:['’]s|-(?:mediated|induced|dependent|evoked|driven|related|elicited|caused)|"
    rf"\s+(?:mediated|induced))\s+(?:{_ADJ}){{0,3}}",
    _I,
)
# phrase → first target: "at the", "of human", " " (verbs)
_NOT_A_TARGET_WORD = (
    r"(?!(?:release|releases|levels?|signall?ing|transmission|activity|function|tone|"
    r"concentrations?|synthesis|production|via|through|and|or|by|in|with|which|that)\b)"
)
# words that may stand between a phrase and its first target, and at most three others
_FUNCTION = (
    r"(?:the|a|an|of|at|on|to|with|via|through|both|all|two|three|its|their|\w+ly|also|"
    r"receptors?|transporters?|channels?|enzymes?|"
    r"high-affinity|selectively|(?:activity|function|action)\s+of)"
)
_FILLER = (
    rf"(?:{_FUNCTION}[\s,]+)*(?:{_NOT_A_TARGET_WORD}[\w-]+[\s,]+(?:{_FUNCTION}[\s,]+)*){{0,3}}"
)
PREPOSITION = re.compile(
    r"\s+(?:(?:here|there|too|also|as\s+well(?:\s+as)?)\s+)*"
    rf"(?:at|of|on|for|to|towards?|against)\s+{_FILLER}",
    _I,
)
NOMINAL_OF = re.compile(rf"\s+(?:of|at|on|to)\s+{_FILLER}", _I)
VERB_OBJECT = re.compile(rf"\s+{_FILLER}", _I)
# target → noun in a compound: "CYP3A4 inducer", "D2 receptor antagonist", "5-HT reuptake"
COMPOUND = re.compile(
    r"[\s-]*(?:(?:receptors?|channels?|transporters?|enzymes?|sites?|subtypes?|selective|"
    r"specific|reuptake|uptake|mediated)[\s-]+)*",
    _I,
)
# after the phrase, nothing that could name another object ("Haloperidol is an antagonist.")
TAIL = re.compile(
    r"[\s,.;:!?)\]]*(?:(?:it|them|this|these|too|also|as\s+well|here|\w+ly)\b[\s,.;:!?)\]]*)*",
    _I,
)
# relative pronouns; what they bind to is the span right before them
RELATIVE = re.compile(r"\b(?:which|that|who)\b", _I)
RELATIVE_GAP = re.compile(r"[\s,()]*")
# whatever stands between an effect on transmitter levels and a receptor: not agonism
INDIRECT = re.compile(
    r"\b(?:indirect\w*|releas\w*|rais\w*|increas\w*|elevat\w*|boost\w*|enhanc\w*|more|higher|"
    r"levels?|concentrations?|synaptic|extracellular|prolong\w*|frequency|duration)\b",
    _I,
)
INDIRECT_CLAUSE = re.compile(r"\bindirect", _I)
CHANNEL = re.compile(r"channel|pore", _I)
INDIRECT_AFTER = re.compile(
    r"\s*,?\s*(?:via|through|by|due\s+to|secondary\s+to)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:releas|increas|rais|elevat|boost|enhanc|more|higher|level)",
    _I,
)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|cannot|fails?\s+to|lacks?|rather\s+than)\b|n't\b",
    _I,
)
NEITHER = re.compile(r"\bneither\b[^;]*\bnor\b", _I)
NEGATION_AFTER = re.compile(r"\s*(?:not|no)\b", _I)
CLAUSE_BREAK = re.compile(
    r";|:\s|,\s*(?:whereas|while|but|although|though)\b|"
    r"\s(?:whereas|but|although|though|while)\s|\bwhose\b|\bin\s+contrast\b",
    _I,
)
UPTAKE_AFTER = re.compile(r"[\s-]*(?:re)?uptake\b", _I)
UPTAKE_BEFORE = re.compile(r"(?:re)?uptake\s+of\s+(?:the\s+)?$", _I)
PLURAL = re.compile(r"\w*s\b", _I)
# words naming a comparison set rather than a drug: "like many older", "as with other"
_SET = r"(?:the\s+|(?:many|most|other|some|several|all|certain|similar|related)\s+)*"
_SET_ADJ = rf"{_SET}(?:(?!(?:and|or|but|of|than|to)\b)[a-z][\w-]*\s+){{0,2}}"
# a drug named only to be set apart: "unlike ranitidine", "compared with placebo"
ASIDE = re.compile(
    r"(?:\bunlike|,\s*like|\bexcept(?:\s+for)?|\bapart\s+from|\bcompared\s+(?:to|with)|"
    rf"\bin\s+contrast\s+to|\bas\s+with)\s+{_SET_ADJ}$|(?:\bthan|\bvs\.?|\bversus)\s+(?:the\s+)?$",
    _I,
)
# a comparison fronted at the clause's start: "Like many older antipsychotics, …"
FRONTED_ASIDE = re.compile(
    r"\s*(?:[-*+>•]\s*|\d+[.)]\s*|#[\w/-]+\s+)*(?:like|unlike|as\s+with|in\s+contrast\s+to|"
    rf"compared\s+(?:to|with)|apart\s+from|except(?:\s+for)?)\s+{_SET_ADJ}",
    _I,
)
# a drug and the class it is compared with: "haloperidol and similar antipsychotics"
COMPARISON_SET = re.compile(
    r"\s*,?\s*(?:and|or|&|as\s+well\s+as)\s+(?:(?:many|most|some|several|all)\s+)?"
    r"(?:other|similar|related)\s+(?:(?!(?:and|or|but|of|than|to)\b)[a-z][\w-]*\s+){0,2}",
    _I,
)
# a nominalisation that is the subject of a verb: "Activation of CB1 then reduces …",
# "Blockade of D2 receptors raises prolactin"
NOMINAL_AS_SUBJECT = re.compile(
    r"(?:\s+(?:receptors?|channels?|transporters?|enzymes?|subtypes?)\b)?,?"
    r"(?:\s+(?:then|also|thereby|therefore|thus|in\s+turn|\w+ly))*"
    r"\s+(?:is|are|was|were|has|have|had|can|may|might|will|would|could|should|must|does|did|"
    r"leads?|causes?|results?|(?!(?:across|plus|versus|whereas|its|this|less|us|receptors|"
    r"channels|transporters|enzymes|subtypes|isoforms)\b)\w{2,}s)\b",
    _I,
)
# "acts by inhibiting", "thereby blocking": the -ing verb is said of the clause's subject
BY_ING = re.compile(r"(?:\bby|\bthrough|\bvia|\bthereby|\bthus)\s+(?:[a-z]+ly\s+)?$", _I)
LEAD = re.compile(r"\s*(?:[-*+>•]\s*|\d+[.)]\s*|#[\w/-]+\s+)*", _I)
# a clause that opens on its verb: "Escitalopram = most selective SSRI; inhibits SERT"
VERB_FIRST = re.compile(r"[\s,]*(?:(?:also|and|then|it|\w+ly)\s+)*", _I)
# two predicate nouns sharing their targets: "both a substrate and an inhibitor of"
SHARED_NOUN = re.compile(rf"\s+(?:and|or|as\s+well\s+as)\s+(?:{_ARTICLE})?{_ADJ}{{0,3}}", _I)
# "the reversible AChE inhibitor, neostigmine": a singular noun after "the" names one drug
THE_BEFORE = re.compile(rf"\bthe\s+{_ADJ}{{0,4}}$", _I)
COMMA = re.compile(r"\s*,\s*")
# drug → a nominalisation it brings about: "works through irreversible", "causes"
NOMINAL_LEAD = re.compile(r"\s+(?:[\w'-]+\s+){0,4}", _I)
# drug → a relative pronoun whose antecedent is that drug's predicate: "X is a prodrug that"
RELATIVE_COPULA = re.compile(
    rf"[\s,]*(?:(?:which|that|who|{_LINK})\s+)+(?:{_ARTICLE})?{_OF_KIND}{_ADJ}{{0,4}}[\s,]*", _I
)
# a drug governed by a preposition: "a patient on morphine", "given with warfarin"
PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|on|from|against|alongside|into|onto|than|besides|plus)\s+(?:the\s+|an?\s+)?$",
    _I,
)
# the parenthetical a drug set apart stands in: "unlike heparin," "like methotrexate,"
ASIDE_SPAN = re.compile(
    r"\s*,?\s*(?:unlike|like|except(?:\s+for)?|apart\s+from|compared\s+(?:to|with)|"
    r"in\s+contrast\s+to|as\s+with)\s+(?:the\s+)?",
    _I,
)
# a sentence's later clause about its first drug: "Atenolol is cardioselective: it blocks"
PRONOUN = re.compile(r"\s*(?:it|they|this\s+drug|these\s+drugs)\b", _I)
# what a drug is turned into: "converted to morphine by CYP2D6"
PRODUCT_BEFORE = re.compile(r"\b(?:to|into)\s+(?:the\s+|an?\s+)?(?:active\s+)?$", _I)
# between two targets of one phrase: a list ("DAT, SERT and NET", "D2 and, to a lesser extent,
# 5-HT2A", "as well as H1"), not another verb ("inhibits COX-2 and spares COX-1")
OBJECT_SEP = re.compile(
    r"(?:[\s,/&+()-]|e\.g\.|i\.e\.|\b(?:and/or|and|or|nor|as\s+well\s+as|plus|the|both|either|"
    r"its|their|also|to|a|an|lesser|greater|extent|degree|receptors?|subtypes?|channels?|"
    r"transporters?|isoforms?|iso(?:en)?zymes?|enzymes?|including|especially|particularly|"
    r"\w+ly)\b)*",
    _I,
)
RESPECTIVELY = re.compile(r"[\s,]*(?:receptors?\s*,?\s*)?respectively\b", _I)
# the phrase before a nominalisation of metabolism: "inhibits the (peripheral) breakdown"
BEFORE_METABOLISM = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+)?", _I)
# a drug given over time, before an adaptation: "with repeated morphine", "after chronic"
ADAPTATION_BEFORE = re.compile(
    r"\b(?:with|after|following|during|on|under|in)\s+(?:(?:chronic|repeated|long-term|daily|"
    r"regular|prolonged|heavy|high-dose)\s+)*$",
    _I,
)
# an apposition naming another drug: ", the S-enantiomer of ketamine,"
APPOSITIVE_OF = re.compile(
    r"\s*,\s*(?:the|an?)\s+(?:[\w'-]+\s+){0,4}?(?:of|from|to)\s+(?:the\s+)?", _I
)
