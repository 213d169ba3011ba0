//! The metric phrase of a figure: the noun phrase its clause says it
//! measures (EXTRACTION.md section 3, `metric`).

use super::english::is_english;
use super::head::Head;
use super::{between, is_filler, Ctx, Phrase};
use crate::chunk;
use crate::model::Unit;
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::segment::containing;

/// How many pieces (words between figures, years and list marks) back from
/// a figure its metric phrase may stand.
const PIECES_BACK: usize = 16;
/// How many clauses back a figure that opens its clause looks for its
/// subject.
const CLAUSES_BACK: usize = 3;

/// How a figure's metric phrase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Via {
    /// Its own words: the noun phrase of its clause, the thing a count
    /// counts, or the words after it (`以3%的土地`).
    Own,
    /// A share with no head noun of its own (`占全市的35%`, `accounting
    /// for 3.42% of its GDP`): it shares the statement's metric.
    Share,
    /// A growth or change that continues a statement (`同比增长18%`,
    /// `up 12 percent`, `an increase of 15 percent`).
    Change,
    /// A pronoun subject (`It was 9 percent more`, `these products`).
    Pronoun,
    /// Nothing with words before it in its clause (`，同比51.7%`).
    Bare,
    /// A subject of places only: it continues the statement of a place
    /// before it in its paragraph that took a topic or a ranked
    /// indicator (`南科23.75%次之` after `以中科48.85%成長率最高`), and
    /// keeps the place otherwise (`place.rs`).
    Place,
    /// A subject of places only after a comparison word (`超越日本3.26%`,
    /// `僅低於以色列4.94%`): it continues the statement before it in its
    /// sentence, whose subject the places are compared with.
    Compared,
    /// A subject of places only before a ranking word (`以美國5029億美元
    /// 最多`): it continues the statement before it in its paragraph, or
    /// takes the subject of the clause before.
    Ranked,
}

/// What a figure's own clause says of its metric.
#[derive(Debug, Clone, Copy)]
pub(super) enum Found {
    /// A phrase of its own.
    Own(Phrase),
    /// It continues another figure's statement; the phrase to fall back on
    /// where no figure before it gives one.
    FollowOn(Via, Option<Phrase>),
}

impl Ctx<'_> {
    /// What the clause of a figure says of its metric.
    pub(super) fn metric_phrase(&self, q: &QHit, clause: Span, sentence: Span) -> Option<Found> {
        let own = |span: Span| Some(Found::Own(Phrase::own(span)));
        // an English number counting a noun: the noun phrase is the metric
        // (unless the noun only counts: `300,000 people`)
        let w = &self.rules.words;
        if &*q.rule == "english_noun" && !w.count_noun.is_whole(&q.classifier) {
            let after = &self.text[between(q.number.end, sentence.end)];
            let lower = after.to_ascii_lowercase();
            if let Some(p) = lower.find(&*q.classifier) {
                let span = self.trim(between(q.number.end, q.number.end + p + q.classifier.len()));
                if !span.is_empty() {
                    return own(span);
                }
            }
        }
        let before = between(clause.start, q.span.start);
        let english = is_english(&self.text[before]) || is_english(&self.text[clause]);
        // `from $9.90 billion in FY23 to $11.3 billion`: the `to` figure
        // continues the statement of the `from` figure
        if let Some((_, prev)) = self.quantities_in(before).last() {
            let gap = &self.text[between(prev.span.end, q.span.start)];
            let words = chunk::words(
                self.text,
                between(prev.span.end, q.span.start),
                self.english,
            );
            let verbless = !words.iter().any(|x| x.class == chunk::Class::Verb);
            if english && verbless && w.baseline_to.words_in(gap).last().is_some() {
                return Some(Found::FollowOn(Via::Bare, None));
            }
        }
        // (`verb_before`: the Chinese words before the figure are a verb
        // with no noun, whose object may be written after the figure)
        let (prefix, verb_before) = if english {
            (self.english_subject(q, before), false)
        } else if let Some(s) = self.compared_subject(q, before) {
            (
                Some(s),
                matches!(self.head(s), Head::Verb | Head::Predicate),
            )
        } else {
            self.chinese_subject(before)
        };
        // `, going from $1.37 billion in FY23 to …`: a from figure with no
        // subject in its clause continues the statement before it
        if english
            && prefix.is_none()
            && w.baseline_from
                .suffix_of(self.text[before].trim_end())
                .is_some()
        {
            return Some(Found::FollowOn(
                Via::Bare,
                self.clause_subject(clause, sentence),
            ));
        }
        // the words right after the figure, past any bound after it
        let after = between(q.span.end, clause.end);
        let bound = w.bound_after(&self.text[after]).map_or(0, |(_, n)| n);
        let after = between(after.start + bound, after.end);
        // a known wording right after the figure where the words before name
        // none (a headline: `exceed 2.73% r&d investment intensity in 2025`;
        // `首批6个环大学创新生态圈功能`): that wording, not the whole piece
        let m = &self.rules.metrics;
        if prefix.is_none_or(|p| m.find(&self.text[p]).is_none()) {
            let rest = &self.text[after];
            let lead = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
            if let Some(f) = m.find(rest).filter(|f| f.start == lead) {
                return own(Span::new(after.start + f.start, after.start + f.end));
            }
        }
        if english {
            // `…grew last year, topping 200 billion yuan`: a clause that
            // opens with a verb has the subject of the clause before, unless
            // the figure qualifies the noun after it (`, allowing for a 26
            // percent funding rate`)
            let participle = prefix.is_none()
                && clause.start > sentence.start
                && self
                    .words_to_figure(before.start, q)
                    .first()
                    .is_some_and(|w| w.class == chunk::Class::Verb);
            // `The budget for CETs was confirmed to be worth a total of KRW 5
            // trillion`: a frame noun after a subject and its auxiliary
            // measures that subject
            if let Some(subject) = prefix
                .filter(|p| self.frame_noun(*p))
                .and_then(|p| self.english_clause_subject(before, p.start, true))
            {
                return own(subject);
            }
            // `The FY15 Budget Request for NSF of $7.3 billion supports …`:
            // the amount is the value of the noun phrase `of` ties it to
            if let Some(p) = prefix.filter(|p| {
                self.text[between(p.end, q.span.start)]
                    .trim()
                    .eq_ignore_ascii_case("of")
                    && !self.weak_subject(Some(*p))
                    && self.follow_on(*p, q.span.start, true).is_none()
            }) {
                return own(p);
            }
            // `GOVERD was $3.6 billion, with $2.3 billion (65%) from
            // Australian Government organisations`: a part of the whole
            // the statement before gives continues it
            // (and the parts listed after it: `… and $1.3 billion (35%) from
            // state and territory government organisations`)
            let first = self
                .quantities_in(before)
                .next()
                .map_or(q.span.start, |(_, f)| f.span.start);
            let lead = self.text[between(clause.start, first)].trim();
            let listed = || {
                first == q.span.start
                    || self.text[before]
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case("and"))
            };
            if clause.start > sentence.start && w.breakdown.is_whole(lead) && listed() {
                return Some(Found::FollowOn(Via::Bare, None));
            }
            // (an amount given to a recipient measures the recipient:
            // `RIE 2025 will provide S$97 million to the Nucleic Acid
            // Therapeutics Initiative`)
            let weak = self.weak_subject(prefix) && !participle
                || q.unit == Unit::Currency
                    && self.given_to(between(clause.start, q.span.start), after);
            // (an agent's amount with an aside right after it, `S$25
            // billion - or 1 per cent of its GDP - in research`: the words
            // past the aside)
            if let Some(np) = self
                .past_aside(q, sentence)
                .filter(|_| weak && prefix.is_some())
                .and_then(|past| self.english_object(q, past, weak))
            {
                return own(np);
            }
            if let Some(np) = self.english_object(q, after, weak) {
                return own(np);
            }
            if participle {
                return Some(Found::FollowOn(
                    Via::Bare,
                    self.clause_subject(clause, sentence),
                ));
            }
        } else {
            // money set aside for a purpose written after the figure
            // (`预留五十五亿元用作发展数码港第五期`; a share set aside is a
            // share of what the words before name)
            if let Some(np) = prefix
                .filter(|_| q.unit == Unit::Currency)
                .and_then(|p| self.allocation_purpose(p, after.start, sentence.end))
            {
                return own(np);
            }
            // a figure that qualifies a goal after a relative clause with no
            // noun of its own (`，完成了规划提出的12件的预期目标`) is the
            // goal's value of the statement before it (with a noun,
            // `规划地区生产总值1250亿元的目标`, the noun is its metric)
            if self.text[before].trim_end().ends_with('的') && self.qualifies_goal(q, clause) {
                return Some(Found::FollowOn(Via::Bare, None));
            }
            // Chinese writes an indicator after its figure: `以3%的土地`,
            // `创造了18%的工业增加值`, and the thing a count counts
            // (`178家国家级经开区的进出口总额`, `培养了420名住院医师`)
            let rest = &self.text[after];
            let attributive = rest.strip_prefix('的').map(|r| after.end - r.len());
            let counted =
                (q.unit == Unit::Count && !rest.starts_with(is_filler)).then_some(after.start);
            // (not where the words before end in what the figure measures:
            // `打造面积50万平方米以上的大型社区`)
            let measured =
                prefix.is_some_and(|p| w.measure_noun.suffix_of(&self.text[p]).is_some());
            let attributive = attributive.filter(|_| !measured);
            // (and the object of a verb with no noun before the figure:
            // `创造7兆元产值`, `新制定1255项国家标准`)
            // (or after a subject that ends in its verb: `每間初創企業每年最多
            // 獲150萬元資助`)
            // (the tags are read only where words follow the figure)
            let object = (!rest.starts_with(is_filler)
                && (verb_before || prefix.is_some_and(|p| self.ends_in_verb(p))))
            .then_some(after.start);
            let np = match (attributive, counted.or(object)) {
                (Some(at), _) => self.chinese_np_at(at, after.end, true),
                (None, Some(at)) => self.chinese_np_at(at, after.end, false),
                _ => None,
            };
            // (a count before a relative clause: the noun after its last
            // `的`, `65份来自多家院校提交的建议书`)
            let np = np.or_else(|| {
                let at = counted?;
                let rest = &self.text[between(at, after.end)];
                let stop = rest.find(is_filler).unwrap_or(rest.len());
                let o = rest[..stop].rfind('的')?;
                self.chinese_np_at(at + o + '的'.len_utf8(), after.end, true)
            });
            if let Some(np) = np {
                return own(np);
            }
        }
        // `the EU, which stands at 2.11 percent`: what `which` stands for
        if let Some(np) = prefix
            .filter(|_| english)
            .and_then(|p| self.relative_antecedent(q, p, sentence))
        {
            return own(np);
        }
        let Some(p) = prefix else {
            return Some(Found::FollowOn(
                Via::Bare,
                self.clause_subject(clause, sentence),
            ));
        };
        // a subject before a share of a whole (`企业研发人员约占全市的70%`):
        // the subject is the metric, the share its predicate
        let p = self.subject_of_share(p).unwrap_or(p);
        Some(match self.follow_on(p, q.span.start, english) {
            // `The budget request represents an increase of about 1
            // percent`: with no figure before it, a change is of the
            // subject of its clause
            Some(Via::Change) if english => {
                let subject = self.english_clause_subject(before, p.start, false);
                let span = subject.unwrap_or(p);
                Found::FollowOn(
                    Via::Change,
                    Some(Phrase {
                        span,
                        via: Via::Change,
                    }),
                )
            }
            Some(via) => Found::FollowOn(via, Some(Phrase { span: p, via })),
            None => Found::Own(Phrase::own(p)),
        })
    }

    /// The Chinese subject of a figure: the nearest worded piece before it
    /// that names something (a piece of durations or adverbs names no
    /// indicator: `近9年`, `大幅`), and whether the words before the figure
    /// are a verb with no noun (that piece, or, where none names anything,
    /// the nearest piece: `创造`, `新制定`). Each piece is tagged once.
    fn chinese_subject(&self, before: Span) -> (Option<Span>, bool) {
        let mut nearest = None;
        let found = self
            .trimmed(self.pieces(before))
            .rev()
            .take(PIECES_BACK)
            .enumerate()
            .filter(|&(_, p)| self.has_words(p))
            .map(|(k, p)| (k, p, self.head(p)))
            .inspect(|&(k, _, head)| {
                if k == 0 {
                    nearest = Some(head);
                }
            })
            .find(|&(_, _, head)| matches!(head, Head::Noun | Head::Verb));
        match found {
            Some((_, p, head)) => (Some(p), head == Head::Verb),
            None => (None, nearest == Some(Head::Predicate)),
        }
    }

    /// True where the last word of a Chinese phrase is a verb the
    /// segmenter does not also read as a noun (`獲`, not `投资`).
    fn ends_in_verb(&self, p: Span) -> bool {
        let t = &self.text[p];
        t.chars().any(crate::text::is_han)
            && self
                .jieba
                .tag(t, true)
                .last()
                .is_some_and(|w| w.tag.starts_with('v') && w.tag != "vn")
    }

    /// Whether a metric phrase only continues another figure's statement:
    /// a share with no head noun (`占全市的`, `accounting for`), a change
    /// word (`同比增长`, `up`, `an increase of`), a pronoun (`It`, `其`).
    fn follow_on(&self, p: Span, figure: usize, english: bool) -> Option<Via> {
        let w = &self.rules.words;
        let t = &self.text[p];
        if w.pronoun.is_whole(t) {
            return Some(Via::Pronoun);
        }
        if english {
            let lower = t.to_ascii_lowercase();
            if w.growth.is_whole(&lower) || w.increase.is_whole(&lower) {
                return Some(Via::Change);
            }
            // a frame noun alone (`That number is expected to hit 12`)
            // points back like a pronoun
            if w.frame_noun.is_whole(&lower) {
                return Some(Via::Pronoun);
            }
            // a share with no subject of its own, up to the figure
            // (`, equivalent to 1.07% of GDP`, `accounting for 3%`)
            let upto = self.text[between(p.start, figure)].trim();
            if w.share.is_whole(upto) {
                return Some(Via::Share);
            }
            return None;
        }
        // a measure noun or a rate alone (`，总量超过500亿元`, `成长率达
        // 14.6%`): the size or growth of what the statement measures
        if w.measure_noun.is_whole(t) || w.growth.is_whole(t) {
            return Some(Via::Change);
        }
        // `，与国内生产总值之比为2.08%`: the ratio of the statement's metric
        // to a total
        if w.ratio.prefix_of(t).is_some() && w.share_head.suffix_of(t).is_some() {
            return Some(Via::Share);
        }
        let n = w.share.prefix_of(t)?;
        // (a share of the whole the figure before belongs to, `占全国比重`,
        // continues it; a share of another indicator, `占地区生产总值的比
        // 重`, is a metric of its own)
        let rest = &t[n..];
        let of_whole = w.share_whole.prefix_of(rest).is_some_and(|m| {
            let head = rest[m..].trim_start_matches('的');
            w.share_head.prefix_of(head) == Some(head.len())
        });
        (of_whole || !w.share_head.occurs_in(rest)).then_some(Via::Share)
    }

    /// The words before a share of a whole (`约占全市的`, `佔全國`) that
    /// has no head noun of its own, where they hold words: `企业研发人员约占
    /// 全市的` → `企业研发人员`. A share of an indicator (`製造業佔本地生產
    /// 總值`) stays whole.
    fn subject_of_share(&self, p: Span) -> Option<Span> {
        let w = &self.rules.words;
        let t = &self.text[p];
        let &(o, n) = w.share.words_in(t).first()?;
        let object = &t[o + n..];
        if o == 0 || w.share_head.occurs_in(&t[o..]) || w.share_whole.prefix_of(object).is_none() {
            return None;
        }
        let subject = self.trim(Span::new(p.start, p.start + o));
        self.has_words(subject).then_some(subject)
    }

    /// The Chinese noun phrase starting at `at` (before `limit`): its words
    /// up to punctuation, a figure or year, `的`, or a verb. After `的` the
    /// first word is a noun whatever the segmenter tags it (`70%的开支`).
    pub(super) fn chinese_np_at(&self, at: usize, limit: usize, after_de: bool) -> Option<Span> {
        let cut = self
            .cuts(between(at, limit))
            .first()
            .map_or(limit, |c| c.start);
        let rest = &self.text[at..cut];
        let stop = rest
            .find(|c: char| is_filler(c) || c == '的')
            .unwrap_or(rest.len());
        let piece = &rest[..stop];
        if piece.is_empty() {
            return None;
        }
        let mut end = 0;
        let tags = self.jieba.tag(piece, true);
        for (k, t) in tags.iter().enumerate() {
            // a word before 了 / 着 / 过 is a verb whatever its tag (`贡献了`)
            let aspect = tags
                .get(k + 1)
                .is_some_and(|n| matches!(n.word, "了" | "着" | "过"));
            // (a field word before a noun stays: `8612件创新研发计划`)
            let field = self.rules.field.is_whole(t.word)
                && tags.get(k + 1).is_some_and(|n| {
                    super::head::noun_tag(n.tag) || self.rules.field.is_whole(n.word)
                });
            let verb = (t.tag.starts_with('v') && t.tag != "vn" && !field)
                || aspect
                || matches!(t.tag, "u" | "ul" | "uj" | "p" | "c" | "d");
            if verb && !(after_de && k == 0) {
                break;
            }
            end += t.word.len();
        }
        let span = self.trim(Span::new(at, at + end));
        self.has_words(span).then_some(span)
    }

    /// The subject of a clause before `clause` in its sentence, for a
    /// figure that opens its clause where no figure before it gives one
    /// (`成交额达到500亿元，同比增长20%`).
    pub(super) fn clause_subject(&self, clause: Span, sentence: Span) -> Option<Phrase> {
        let ci = containing(&self.doc.segments.clauses, clause.start)?;
        let clauses = &self.doc.segments.clauses;
        (ci.saturating_sub(CLAUSES_BACK)..ci)
            .rev()
            .map(|k| clauses[k])
            .take_while(|prev| prev.start >= sentence.start)
            .find_map(|prev| {
                if is_english(&self.text[prev]) {
                    let words = chunk::words(self.text, prev, self.english);
                    // (a clause a subordinating word opens is an aside:
                    // `, albeit at a slower pace, to $48.2 billion`)
                    let w = &self.rules.words;
                    if words.first().is_some_and(|x| {
                        w.subordinate
                            .is_whole(&self.text[x.span].to_ascii_lowercase())
                    }) {
                        return None;
                    }
                    // (a report's source before `that`, `Early estimates
                    // show that national R&D expenditures increased`: the
                    // subject is the reported clause's)
                    let reported = words
                        .windows(2)
                        .position(|p| {
                            p[0].class == chunk::Class::Verb
                                && self.text[p[1].span].eq_ignore_ascii_case("that")
                        })
                        .map_or(0, |k| k + 2);
                    return chunk::noun_phrases(&words[reported.min(words.len())..])
                        .into_iter()
                        .find(|np| !np.anaphoric)
                        .map(|np| Some(np.span));
                }
                // (a clause of places, durations or a record names none:
                // `，创下历年新高，`)
                let piece = self
                    .trimmed(self.pieces(prev))
                    .rev()
                    .take(PIECES_BACK)
                    .find(|p| self.has_words(*p) && self.names_something(*p))?;
                // (a clause on the course of the figures before it, `，成長
                // 力道續呈平疲，`, comments on their statement: the figure
                // after it continues that statement, whatever clause is
                // further back)
                // (and so does a clause on the statement's standing, `，居
                // 全国第14位；`)
                let standing = self
                    .rules
                    .words
                    .standing
                    .prefix_of(&self.text[piece])
                    .is_some_and(|n| self.word_boundary(piece.start + n));
                let comment = standing || self.on_course(self.subject_noun(piece));
                Some((!comment).then_some(piece))
            })
            .flatten()
            .map(|span| Phrase {
                span,
                via: Via::Bare,
            })
    }

    /// True where a Chinese figure stands before `的` and a goal noun
    /// (`12件的预期目标`): it is a goal's value, whatever reports around it.
    pub(super) fn qualifies_goal(&self, q: &QHit, clause: Span) -> bool {
        self.text[between(q.span.end, clause.end)]
            .strip_prefix('的')
            .and_then(|r| self.rules.words.goal_noun.prefix_of(r))
            .is_some()
    }

    /// The last noun of the subject of a Chinese clause with no figure:
    /// the last noun before the verb or adverb that follows its first noun
    /// (`密度` of `且制造业研发密度亦呈上升态势`).
    fn subject_noun(&self, piece: Span) -> Option<&str> {
        let no_head = &self.rules.words.no_head;
        let mut last = None;
        for t in self.jieba.tag(&self.text[piece], true) {
            // (a word tagged as a noun that names nothing, `有所`, is an
            // adverb here)
            let adverb = t.tag == "d" || no_head.is_whole(t.word);
            if super::head::noun_tag(t.tag) && !adverb {
                last = Some(t.word);
            } else if last.is_some() && (t.tag.starts_with('v') || adverb) {
                break;
            }
        }
        last
    }

    /// True where the subject of a Chinese clause is the course of a
    /// statement's figures, not an indicator of its own: its last noun is
    /// a word of the `trend` row or of growth (`成長力道續呈平疲`, `增幅有所
    /// 回落`; not `制造业研发密度亦呈上升态势`).
    fn on_course(&self, last_noun: Option<&str>) -> bool {
        let w = &self.rules.words;
        last_noun.is_some_and(|word| w.trend.is_whole(word) || w.growth.is_whole(word))
    }

    /// The subject of a Chinese comparison before a figure (`光谷经济增速比
    /// 全国、湖北分别高出2.1、1.3个百分点`): the words before the
    /// comparison word, where they hold words and no figure stands between
    /// it and the figure.
    fn compared_subject(&self, q: &QHit, before: Span) -> Option<Span> {
        let w = &self.rules.words;
        // (a figure of a list: up to the list's first figure)
        let i = self
            .quantities
            .partition_point(|x| x.span.start < q.span.start);
        let head = self
            .list_of(i)
            .map_or(q.span.start, |(first, _)| self.quantities[first].span.start);
        let before = between(before.start, head.min(before.end));
        let t = &self.text[before];
        // (not the 比 of a share word: `占比`, `比重`; the share words are
        // looked for only once a comparison word is)
        let mut shares = None;
        // (a copula that also compares years, `是`, is a bound here: the
        // subject of `接下來是精密機械14.19%` is no `接下來`; and a
        // comparison word the segmenter glues to the year after it,
        // `較前年`, still compares)
        let copula = |word: &str| w.before.iter().any(|(_, l)| l.is_whole(word));
        let glued_year = |at: usize| {
            let tokens = &self.doc.tokens;
            let i = tokens.partition_point(|t| t.span().end <= at);
            tokens
                .get(i)
                .is_some_and(|t| t.span().start < at && self.text[at..t.span().end].ends_with('年'))
        };
        let &(o, _) = w.compare_year.words_in(t).iter().find(|&&(o, n)| {
            !t[o..o + n].is_ascii()
                && !copula(&t[o..o + n])
                && self.word_boundary(before.start + o)
                && (self.word_boundary(before.start + o + n) || glued_year(before.start + o + n))
                && !shares
                    .get_or_insert_with(|| w.share_head.words_in(t))
                    .iter()
                    .any(|&(so, sn)| so < o + n && o < so + sn)
        })?;
        let at = before.start + o;
        if self.quantities_in(between(at, before.end)).next().is_some() {
            return None;
        }
        let subject = self.trim(between(before.start, at));
        (self.has_words(subject) && self.pieces(subject).len() == 1).then_some(subject)
    }

    /// True where `span` is a year mention and nothing more (`FY23`).
    pub(super) fn is_year(&self, span: Span) -> bool {
        self.years_in(span).any(|y| y.span == span)
    }

    /// True where no Han word of the segmenter runs across `at`.
    pub(super) fn word_boundary(&self, at: usize) -> bool {
        let tokens = &self.doc.tokens;
        let i = tokens.partition_point(|t| t.span().end <= at);
        tokens.get(i).is_none_or(|t| t.span().start >= at)
    }

    /// True where a piece holds at least two letters or Han characters.
    pub(super) fn has_words(&self, s: Span) -> bool {
        self.text[s]
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(2)
            .count()
            == 2
    }

    /// Whether a figure with this metric phrase is an indicator's value:
    /// not a count of aspects or tasks, a place's size, a number written
    /// in words or a technical parameter, unless a known metric says so.
    pub(super) fn is_indicator(&self, q: &QHit, phrase: Phrase, known: bool) -> bool {
        let w = &self.rules.words;
        let p = &self.text[phrase.span];
        // (a word opening the phrase, not a piece of its first word:
        // `在金凤片区` is a place, `在校生` are students)
        let opens = w
            .not_metric
            .prefix_of(p)
            .is_some_and(|n| self.word_boundary(phrase.span.start + n));
        if w.not_metric.suffix_of(p).is_some()
            || opens
            || (w.not_metric.prefix_of(&q.classifier) == Some(q.classifier.len())
                && !w.multiple.is_whole(&q.classifier))
            || w.summary_counter
                .is_whole(self.text[between(q.number.end, q.span.end)].trim())
        {
            return false;
        }
        if known {
            return true;
        }
        // (a number in words counts aspects and tasks, `三大`, `五项`,
        // `三元融合`, unless it runs to hundreds or more: `一千億元`,
        // `七萬四千平方米`, `五百多間`)
        // (unless it counts bodies: `七間本地院校和研發機構`, `five research
        // institutes`)
        let bodies = || {
            w.body_count.suffix_of(p.trim_end()).is_some() || w.body_count.is_whole(&q.classifier)
        };
        let in_words = !self.text[q.number].bytes().any(|b| b.is_ascii_digit())
            && q.value < 100.0
            && !bodies();
        // a parameter (`10MW`, `8 吋`) is no indicator; a multiple or an
        // index value is
        let multiple = w.multiple.is_whole(&q.classifier);
        !in_words && (q.unit != Unit::Other || multiple)
    }
}

#[cfg(test)]
#[path = "metric_tests.rs"]
mod tests;
