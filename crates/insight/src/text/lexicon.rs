//! A bilingual lexicon of the words residents use about their streets and
//! communities: each concept has an English and an Arabic name and the
//! common forms of both (plurals, broken plurals, verbs, adjectives), so
//! that "lighting" and "الإنارة" become one term and an English and an
//! Arabic answer saying the same thing share their words (ADR 0028).
//!
//! A word is looked up as written (normalised, with the attached
//! conjunction, prepositions, article and pronoun suffixes tried off in
//! Arabic), then by its stem (Snowball for English, light10 for Arabic;
//! Arabic stems shorter than three letters are not trusted, light10 leaves
//! too many words there). Unknown words stay as they are.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{normalise, stem};

/// A shared meaning.
#[derive(Debug, PartialEq, Eq)]
pub struct Concept {
    /// The English name; also the concept's key.
    pub english: &'static str,
    /// The Arabic name, without the article so that two names make an
    /// idafa ("إنارة شوارع").
    pub arabic: &'static str,
}

impl Concept {
    /// The concept's name in `lang` ("en" or "ar"; English otherwise).
    pub fn name(&self, lang: &str) -> &'static str {
        if lang == "ar" {
            self.arabic
        } else {
            self.english
        }
    }

    /// The term standing for the concept in an answer's features: marked
    /// so that no word of any language can be the same string.
    pub fn term(&self) -> String {
        // One word, since features of two words are pairs.
        format!("{MARK}{}", self.english.replace(' ', "_"))
    }
}

/// Starts a concept's term.
pub const MARK: char = '\u{2}';

/// English name, Arabic name, then the forms in each language (separated
/// by spaces; the names are forms too). Kept to words that mean the same
/// in a council's consultation on streets, safety and community; a word
/// with two common meanings here is left out rather than guessed.
const CONCEPTS: &[(&str, &str, &str, &str)] = &[
    ("lighting", "إنارة", "light lights lighting lit lamp lamps streetlight streetlights streetlamp streetlamps bright brighter brightly illuminated", "إنارة الإنارة إنارتها أضواء الأضواء ضوء الضوء أضواء مصابيح المصابيح مصباح أعمدة الأعمدة أنيروا منارة مضاءة مضاء"),
    ("dark", "ظلام", "dark darker darkness unlit gloomy", "مظلمة مظلم مظلما الظلام ظلام عتمة معتمة"),
    ("night", "ليل", "night nights nighttime overnight", "ليل الليل ليلا ليلية ليلي الليلية الليلي ليلاً"),
    ("evening", "مساء", "=evening =evenings sunset dusk", "مساء المساء مسائية مسائي المسائية أمسيات الأمسيات غروب"),
    ("street", "شوارع", "street streets road roads lane lanes alley alleys alleyway pavement pavements path paths", "شارع الشارع شوارع الشوارع شارعنا طريق الطريق طرق الطرق طريقنا زقاق أزقة الأزقة رصيف الأرصفة ممر الممر"),
    ("safety", "أمان", "safe safer safest safety safely secure security unsafe", "آمن آمنة آمنا آمنين آمنون أمان الأمان بأمان أمانا أمن الأمن سلامة السلامة"),
    ("fear", "خوف", "afraid scared fear fears frightened frightening intimidated intimidating worried", "خوف الخوف يخافون يخاف خائف خائفة خائفون خائفين أخاف نخاف"),
    ("walking", "مشي", "walk walking walks walked", "مشي المشي يمشي نمشي يمشون سيرا"),
    ("home", "بيوت", "home homes", "بيت البيت بيوت البيوت بيوتهم بيوتنا منزل المنزل منازل المنازل"),
    ("broken", "أعطال", "broken damaged faulty vandalised", "معطلة المعطلة معطل المعطل مكسورة المكسورة مكسور تالفة أعطال"),
    ("repair", "إصلاح", "fix fixed fixing repair repairs repaired mend maintain maintained maintenance", "إصلاح اصلاح أصلحوا أصلحوها يصلح تصليح صيانة الصيانة صيانتها"),
    ("youth", "شباب", "young youth youths teenager teenagers teens teen adolescents", "شباب الشباب للشباب شاب شابات مراهق مراهقين المراهقين للمراهقين مراهقون المراهقون يافعين اليافعين"),
    ("children", "أطفال", "child children kids kid", "أطفال الأطفال للأطفال أطفالنا طفل صغار الصغار أولاد الأولاد"),
    ("club", "أندية", "club clubs", "نادي النادي نواد نوادي النوادي أندية الأندية ناد"),
    ("centre", "مركز", "centre centres center centers hub", "مركز المركز مراكز المراكز وسط"),
    ("activity", "أنشطة", "activity activities session sessions programme programmes", "أنشطة الأنشطة نشاط النشاط نشاطات حصص الحصص برامج"),
    ("sport", "رياضة", "sport sports football basketball boxing gym", "رياضة الرياضة رياضية الرياضية رياضي كرة"),
    ("play", "لعب", "play playground playgrounds pitch pitches", "لعب اللعب ملعب الملعب ملاعب الملاعب"),
    ("arts", "فنون", "music art arts musical", "موسيقى الموسيقى موسيقية فنون الفنون فن"),
    ("report", "إبلاغ", "report reports reporting reported", "إبلاغ الإبلاغ للإبلاغ بالإبلاغ بلاغ بلاغات البلاغات بلاغاتهم يبلغون يبلغ أبلغت نبلغ تبليغ التبليغ أبلغ بلغوا"),
    ("online", "إنترنت", "online internet web website websites digital", "إنترنت الإنترنت الانترنت انترنت إلكتروني الإلكتروني إلكترونية الإلكترونية"),
    ("social media", "تواصل", "media facebook twitter tiktok instagram platform platforms", "تواصل التواصل منصات المنصات فيسبوك تويتر"),
    ("social", "اجتماعي", "social", "=اجتماعي =الاجتماعي =اجتماعية =الاجتماعية"),
    ("hate", "كراهية", "hate hatred hateful", "كراهية الكراهية الحقد حقد"),
    ("crime", "جرائم", "crime crimes criminal criminals", "جريمة الجريمة جرائم الجرائم مجرم مجرمين مجرمون إجرام"),
    ("abuse", "إساءة", "abuse abusive abused harassment harassed harass insult insults offensive", "إساءة الإساءة للإساءة مسيئة مسيء إساءات تحرش التحرش للتحرش شتائم إهانة إهانات"),
    ("racism", "عنصرية", "racist racism racial", "عنصرية العنصرية عنصري"),
    ("religion", "أديان", "religion religions religious faith faiths belief beliefs interfaith", "دين الدين دينية الدينية دينهم أديان الأديان إيمان معتقد معتقدات"),
    ("places of worship", "دور عبادة", "mosque mosques church churches synagogue synagogues temple temples gurdwara", "مسجد المسجد مساجد المساجد كنيسة الكنيسة كنائس معبد المعبد معابد المعابد كنيس"),
    ("form", "نموذج", "form forms", "نموذج النموذج استمارة الاستمارة"),
    ("complicated", "تعقيد", "complicated complex confusing difficult", "معقد المعقد معقدة صعب صعبة مربك"),
    ("simple", "بساطة", "easy easier simple simpler simplest simplify simplified", "سهل أسهل سهلة سهلا بسيط بسيطة أبسط بسطوا تبسيط"),
    ("speed", "سرعة", "fast faster quick quicker quickly promptly", "بسرعة سريع سريعة أسرع سرعة"),
    ("neighbours", "جيران", "neighbour neighbours neighbor neighbors neighbourly", "جيران الجيران جار الجار جارنا"),
    ("neighbourhood", "حي", "neighbourhood neighbourhoods neighborhood neighborhoods area areas district estate", "حي الحي حينا أحياء الأحياء منطقة المنطقة مناطق المناطق"),
    ("local", "محلي", "local locally", "محلي المحلي محلية المحلية"),
    ("community", "مجتمع", "community communities", "مجتمع المجتمع مجتمعات المجتمعات مجتمعية المجتمعية مجتمعي مجتمعهم"),
    ("together", "معا", "together", "معا سويا"),
    ("event", "فعاليات", "event events festival festivals party parties celebration celebrations", "فعالية فعاليات الفعاليات بفعاليات مهرجان مهرجانات المهرجانات حفلة حفلات احتفال احتفالات"),
    ("food", "طعام", "meal meals food lunch lunches dinner dinners picnic", "وجبة وجبات الوجبات طعام الطعام غداء الغداء عشاء"),
    ("meeting", "لقاء", "meet meets meeting meetings gather gathering gatherings", "لقاء لقاءات اللقاءات يلتقي يلتقون نلتقي يجتمع تجمع التجمع تجمعات"),
    ("understanding", "تعارف", "understand understanding acquainted", "تعارف التعارف يتعرف فهم يفهمون"),
    ("cameras", "كاميرات", "camera cameras cctv", "كاميرا الكاميرا كاميرات الكاميرات"),
    ("surveillance", "مراقبة", "surveillance watching monitoring spying", "مراقبة المراقبة تراقبنا تراقب يراقب"),
    ("privacy", "خصوصية", "privacy intrusive", "خصوصية الخصوصية خصوصيتنا"),
    ("money", "مال", "money funding fund funds funded budget budgets spend spending invest investment cost costs", "مال المال للمال أموال الأموال تمويل التمويل مولوا ميزانية الميزانية أنفقوا إنفاق استثمروا استثمار تكلفة"),
    ("waste", "هدر", "waste wasted wasteful", "إهدار هدر تبذير مضيعة"),
    ("school", "مدارس", "school schools college colleges classroom classes lesson lessons curriculum", "مدرسة المدرسة مدارس المدارس دروس الدروس درس"),
    ("teaching", "تعليم", "teach teaching taught educate education learn learning", "تعليم التعليم علموا يعلم تعلم يتعلم يتعلمون تعليمي"),
    ("pupils", "طلاب", "student students pupil pupils", "طلاب الطلاب طالب تلاميذ التلاميذ تلميذ"),
    ("teachers", "معلمون", "teacher teachers", "معلم المعلم معلمون المعلمون المعلمين"),
    ("misinformation", "تضليل", "propaganda misinformation disinformation fake conspiracy", "دعاية الدعاية المضللة مضللة تضليل كاذبة الكاذبة شائعات"),
    ("extremism", "تطرف", "extremism extremist extremists radical radicalisation radicalization recruit recruits recruitment", "تطرف التطرف متطرفين المتطرفين المتطرفون متطرف تجنيد يجند"),
    ("critical", "نقدي", "critical", "نقدي النقدي"),
    ("thinking", "تفكير", "=thinking", "تفكير التفكير"),
    ("bus", "حافلات", "bus buses coach coaches", "حافلة الحافلة حافلات الحافلات باص باصات الباص"),
    ("transport", "مواصلات", "transport travel travelling traveling journey journeys", "مواصلات المواصلات نقل النقل يتنقلون تنقل السفر"),
    ("late", "تأخر", "late later", "متأخر متأخرة المتأخرة متأخرا"),
    ("early", "مبكر", "early earlier", "مبكر مبكرا مبكرة باكرا"),
    ("station", "محطة", "station stations", "محطة المحطة محطات المحطات"),
    ("drivers", "سائقون", "driver drivers", "سائق السائق سائقو سائقي سائقين"),
    ("police", "شرطة", "police policing officer officers constable constables", "شرطة الشرطة للشرطة بالشرطة شرطي ضابط ضباط الضباط بالضباط"),
    ("patrols", "دوريات", "patrol patrols patrolling", "دورية دوريات الدوريات"),
    ("presence", "وجود", "visible visibility presence", "ظاهر الظاهر وجود حضور"),
    ("trust", "ثقة", "trust trusted trusting confidence distrust mistrust", "ثقة الثقة يثقون يثق نثق بثقة"),
    ("response", "استجابة", "respond responds response responses reply replied feedback", "استجابة تستجيب يستجيب يرد رد الرد"),
    ("follow-up", "متابعة", "follow followed following", "متابعة يتابع تابعوا"),
    ("victims", "ضحايا", "victim victims survivor survivors", "ضحية الضحية ضحايا الضحايا لضحايا"),
    ("support", "دعم", "support supporting supported help helping helped", "دعم الدعم مساعدة المساعدة للمساعدة يساعد ساعدوا تساعد ادعموا ندعم مساندة"),
    ("counselling", "إرشاد", "counselling counseling counsellor counsellors therapy advice", "إرشاد الإرشاد استشارة نصيحة النصيحة"),
    ("helpline", "خط هاتفي", "helpline hotline phone", "هاتفي هاتفية هاتف"),
    ("languages", "لغات", "language languages arabic translated translation interpreter interpreters", "لغة اللغة لغات بلغات اللغات العربية بالعربية ترجمة مترجم"),
    ("rights", "حقوق", "rights", "حقوق الحقوق حقوقهم"),
    ("park", "حدائق", "park parks garden gardens green greenery", "حديقة الحديقة حدائق الحدائق حديقتنا منتزه متنزه الخضراء خضراء"),
    ("cleanliness", "نظافة", "clean cleaner cleaning litter rubbish graffiti dirty tidy", "نظيف نظيفة نظافة تنظيف نظفوا قمامة القمامة النفايات نفايات متسخ متسخة وسخ"),
    ("benches", "مقاعد", "bench benches seat seats", "مقعد المقاعد مقاعد"),
    ("trees", "أشجار", "tree trees plant planting plants", "شجرة أشجار الأشجار ازرعوا زراعة يزرع نزرع"),
    ("families", "عائلات", "family families parents parent", "عائلة العائلة عائلات العائلات أسرة الأسر أسر الأهل أهل"),
    ("curfew", "حظر تجول", "curfew curfews", "التجول تجول"),
    ("ban", "منع", "ban banned banning bans prohibit prohibited forbid", "حظر الحظر منع المنع يمنع تمنعوا تمنع منعهم"),
    ("dispersal", "تفريق", "dispersal disperse dispersed", "تفريق التفريق طرد"),
    ("groups", "مجموعات", "group groups gang gangs", "مجموعة مجموعات المجموعات جماعات"),
    ("unfairness", "ظلم", "unfair unjust injustice discrimination discriminate", "ظلم الظلم ظالم تمييز التمييز"),
    ("punishment", "عقاب", "punish punishes punished punishment", "يعاقب عقاب معاقبة العقاب"),
    ("places", "أماكن", "space spaces", "مكان المكان أماكن الأماكن مساحة مساحات المساحات"),
    ("housing", "سكن", "housing landlord landlords rent tenants", "سكن السكن إسكان الإسكان إيجار الإيجار مستأجرين"),
    ("council", "مجلس", "council councils councillor councillors", "مجلس المجلس البلدية بلدية"),
    ("residents", "سكان", "resident residents citizens", "سكان السكان ساكن مواطنين المواطنين الأهالي"),
    ("women", "نساء", "woman women girl girls", "نساء النساء امرأة المرأة فتيات الفتيات"),
    ("older people", "مسنون", "elderly pensioners", "المسنين مسن المسنون مسنين"),
    ("training", "تدريب", "training trained train", "تدريب التدريب تدريبية دربوا مدرب"),
    ("respect", "احترام", "respect respectful tolerance", "احترام الاحترام باحترام تسامح التسامح"),
    ("culture", "ثقافات", "culture cultures cultural background backgrounds", "ثقافة الثقافة ثقافات الثقافات ثقافية خلفيات الخلفيات خلفية"),
    ("anonymity", "دون اسم", "anonymous anonymously", "مجهول مجهولة"),
    ("names", "أسماء", "name names", "اسم الاسم أسماء أسمائنا أسمائهم"),
    ("awareness", "توعية", "advertise advertised publicise publicize awareness aware inform information", "عرفوا توعية التوعية معلومات المعلومات إعلان إعلانات"),
    ("holidays", "عطل", "holiday holidays weekend weekends", "عطلة العطلة عطلات عطل العطل"),
    ("free of charge", "مجاني", "free cheap affordable", "مجانية مجاني مجانا رخيصة رخيص"),
    ("recording", "تسجيل", "record recorded recording", "تسجيل تسجيلها يسجل"),
    ("violence", "عنف", "attack attacked attacks assault violence violent", "اعتداء الاعتداء للاعتداء هجوم عنف العنف"),
    ("bullying", "تنمر", "bully bullied bullying", "تنمر التنمر للتنمر"),
    ("shops", "محلات", "shop shops shopping market markets", "=محلات =المحلات متجر متاجر سوق السوق"),
    ("river", "نهر", "river riverside canal", "نهر النهر"),
    ("town", "مدينة", "town towns city", "مدينة المدينة"),
    ("guards", "حراس", "guard guards warden wardens steward stewards", "حارس حراس الحراس حراسا"),
    ("staff", "موظفون", "staff caseworker caseworkers worker workers", "موظف موظفين موظفون عاملين عاملون"),
    ("danger", "خطر", "danger dangerous risk risky", "خطر خطير خطيرة"),
    ("problems", "مشاكل", "trouble problem problems antisocial", "مشاكل المشاكل مشكلة المشكلة"),
    ("boredom", "ملل", "bored boredom", "ملل الملل بالملل"),
    ("opening", "فتح", "open reopen opened opening", "فتح افتحوا مفتوح مفتوحة"),
    ("closure", "إغلاق", "closed closing closure shut", "إغلاق الإغلاق إغلاقه مغلق"),
    ("frequency", "تواتر", "frequent frequently regular regularly", "بانتظام منتظم تواتر تواترا متكرر"),
    ("waiting", "انتظار", "wait waiting", "ينتظر انتظار الانتظار"),
    ("loneliness", "وحدة", "alone lonely isolated isolation", "وحده وحيد وحدهم عزلة"),
    ("protection", "حماية", "protect protected protection", "حماية الحماية بالحماية يحمي"),
    ("recognising", "كشف", "spot spotting recognise recognize recognising recognizing detect", "يكتشفون اكتشاف كشف التعرف"),
    ("posts", "منشورات", "post posts comment comments content message messages", "منشور منشورات المنشورات تعليق تعليقات التعليقات محتوى المحتوى رسائل"),
];

struct Index {
    concepts: Vec<Concept>,
    /// Normalised words as written (an English word lowercased).
    words: HashMap<String, usize>,
    /// Stems of the forms (Snowball for English, light10 for Arabic).
    stems: HashMap<String, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut words = HashMap::new();
        let mut stems = HashMap::new();
        let mut concepts = Vec::with_capacity(CONCEPTS.len());
        for (i, entry) in CONCEPTS.iter().enumerate() {
            concepts.push(Concept {
                english: entry.0,
                arabic: entry.1,
            });
            for (word, stem) in keys(entry) {
                // The first concept to claim a word or stem keeps it; a
                // test checks that no two claim the same one.
                words.entry(word).or_insert(i);
                if let Some(s) = stem {
                    stems.entry(s).or_insert(i);
                }
            }
        }
        Index {
            concepts,
            words,
            stems,
        }
    })
}

/// What an entry of [`CONCEPTS`] is looked up by: its names and forms
/// normalised, each form with its stem unless marked `=` (as written only:
/// "evening" stems to "even"). A name of two words is found by its forms,
/// not by its words ("social media" would claim "social").
fn keys(
    (english, arabic, en_forms, ar_forms): &(&str, &str, &str, &str),
) -> Vec<(String, Option<String>)> {
    // Names count as written: "thinking" must not claim "think".
    let names = [*english, *arabic]
        .into_iter()
        .filter(|name| !name.contains(' '))
        .map(|name| (true, name));
    let forms = en_forms
        .split_whitespace()
        .chain(ar_forms.split_whitespace())
        .map(|form| match form.strip_prefix('=') {
            Some(f) => (true, f),
            None => (false, form),
        });
    names
        .chain(forms)
        .filter_map(|(as_written, form)| {
            let w = normalise(form);
            if w.is_empty() || super::stopwords::is_stop_word(&w) {
                return None;
            }
            let stem = if as_written { None } else { trusted_stem(&w) };
            Some((w, stem))
        })
        .collect()
}

/// The stem a word is looked up by: Snowball for English; light10 for
/// Arabic when it leaves at least three letters.
fn trusted_stem(word: &str) -> Option<String> {
    if stem::is_arabic_word(word) {
        let s = stem::arabic_light10(word);
        (s.chars().count() >= 3).then(|| s.to_string())
    } else {
        Some(stem::english(word).into_owned())
    }
}

/// Arabic prefixes tried off a word before it is looked up as written:
/// the conjunctions و and ف, then one of the prepositions and the article.
const ARABIC_PREFIXES: [&str; 8] = ["بال", "كال", "لل", "ال", "ب", "ل", "ك", "س"];
/// Arabic pronoun and plural endings tried off a word.
const ARABIC_SUFFIXES: [&str; 8] = ["هم", "كم", "نا", "ها", "ه", "وا", "ون", "ين"];

/// The concept a normalised word means, if the lexicon knows it.
pub fn concept_of(word: &str) -> Option<&'static Concept> {
    let ix = index();
    let hit = ix
        .words
        .get(word)
        .copied()
        .or_else(|| {
            if stem::is_arabic_word(word) {
                arabic_variant(word, |w| ix.words.get(w).copied())
            } else {
                None
            }
        })
        .or_else(|| trusted_stem(word).and_then(|s| ix.stems.get(&s).copied()));
    hit.map(|i| &ix.concepts[i])
}

/// The first of a normalised Arabic word's shorter forms that `found`
/// knows: without its attached conjunction, then a preposition or the
/// article, then a pronoun or plural ending, always leaving at least two
/// letters. Slices of the word, so looking up costs no allocation.
fn arabic_variant<T>(word: &str, found: impl Fn(&str) -> Option<T>) -> Option<T> {
    let long_enough = |w: &str| w.chars().count() >= 2;
    for w in [Some(word), word.strip_prefix('و'), word.strip_prefix('ف')]
        .into_iter()
        .flatten()
    {
        let bases =
            std::iter::once(w).chain(ARABIC_PREFIXES.iter().filter_map(|p| w.strip_prefix(p)));
        for b in bases.filter(|b| long_enough(b)) {
            let endings =
                std::iter::once(b).chain(ARABIC_SUFFIXES.iter().filter_map(|s| b.strip_suffix(s)));
            for v in endings.filter(|v| long_enough(v)) {
                if let Some(hit) = found(v) {
                    return Some(hit);
                }
            }
        }
    }
    None
}

/// The concept whose name or form `word` is (any language, any case).
pub fn concept_named(word: &str) -> Option<&'static Concept> {
    let w = normalise(word);
    if let Some(key) = word.strip_prefix(MARK) {
        let key = key.replace('_', " ");
        return index().concepts.iter().find(|c| c.english == key);
    }
    if let Some(c) = index()
        .concepts
        .iter()
        .find(|c| normalise(c.english) == w || normalise(c.arabic) == w)
    {
        return Some(c);
    }
    concept_of(&w)
}

/// `term` (one word, or several the themes list shows together) in the
/// language `lang`, when the lexicon knows every word of it. Two words
/// change places between English and Arabic ("street lighting", "إنارة
/// شوارع"): the English modifier comes first, the Arabic one second.
pub fn translate(term: &str, lang: &str) -> Option<String> {
    let words: Vec<&str> = term.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    if let Some(c) = concept_named(term).filter(|_| words.len() > 1) {
        return Some(c.name(lang).to_string());
    }
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for w in &words {
        out.push(concept_named(w)?.name(lang));
    }
    let from_arabic = words.iter().any(|w| stem::is_arabic_word(w));
    if from_arabic != (lang == "ar") {
        out.reverse();
    }
    Some(out.join(" "))
}

/// How many concepts the lexicon has (for the ADR's and tests' sake).
pub fn size() -> usize {
    index().concepts.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_arabic_forms_meet_in_one_concept() {
        let c = |w: &str| concept_of(&normalise(w)).map(|c| c.english);
        for (en, ar) in [
            ("lighting", "الإنارة"),
            ("lamps", "وبالإنارة"),
            ("streets", "شوارعنا"),
            ("youth", "للشباب"),
            ("cameras", "كاميرات"),
            ("reporting", "بالإبلاغ"),
            ("schools", "والمدارس"),
            ("buses", "الحافلات"),
            ("police", "للشرطة"),
            ("parks", "حدائقنا"),
            ("victims", "لضحايا"),
            ("neighbours", "الجيران"),
        ] {
            assert!(c(en).is_some(), "{en}");
            assert_eq!(c(en), c(ar), "{en} / {ar}");
        }
        assert_eq!(c("zebra"), None);
        assert_eq!(c("قطار"), None);
    }

    #[test]
    fn no_word_is_claimed_by_two_concepts() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut clashes = Vec::new();
        for entry in CONCEPTS {
            let mut mine = std::collections::HashSet::new();
            for (word, stem) in keys(entry) {
                for key in [Some(word), stem.map(|s| format!("~{s}"))]
                    .into_iter()
                    .flatten()
                {
                    if !mine.insert(key.clone()) {
                        continue;
                    }
                    if let Some(other) = seen.insert(key.clone(), entry.0) {
                        clashes.push(format!("{key}: {other} / {}", entry.0));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:#?}");
        assert!(size() >= 100);
    }

    #[test]
    fn terms_are_named_in_either_language() {
        assert_eq!(translate("lighting", "ar").as_deref(), Some("إنارة"));
        assert_eq!(translate("الإنارة", "en").as_deref(), Some("lighting"));
        assert_eq!(
            translate("street lighting", "ar").as_deref(),
            Some("إنارة شوارع")
        );
        assert_eq!(
            translate("إنارة الشوارع", "en").as_deref(),
            Some("street lighting")
        );
        assert_eq!(translate("lighting", "en").as_deref(), Some("lighting"));
        assert_eq!(translate("lighting zebra", "ar"), None);
        assert_eq!(translate("", "ar"), None);
        let lit = concept_named("lighting").unwrap();
        assert_eq!(concept_named(&lit.term()), Some(lit));
    }
}
