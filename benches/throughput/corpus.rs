//! The benchmark corpus: a seed in, mixed Chinese and English Markdown prose with varied
//! numbers out, in two flavours (article density, and a dense stress case), each written as
//! one large file and as many small ones, with generated term-rule files beside them.
//! Deterministic (a fixed-seed generator, no downloads), so two runs on two machines measure
//! the same bytes. Number-free prose lives in prose.rs.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::prose;

/// Bump when the generator changes, so a stale corpus is rebuilt.
const VERSION: u32 = 2;

/// How thick the numbers are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Numeric sentences mixed with number-free prose, to about the density of a
    /// numbers-heavy data write-up: what the throughput targets are about.
    Article,
    /// Every sentence carries several numbers: a stress case for the grammar and the checks.
    Dense,
}

impl Flavour {
    /// The headline flavour first.
    pub const ALL: [Flavour; 2] = [Flavour::Article, Flavour::Dense];

    pub fn label(self) -> &'static str {
        match self {
            Flavour::Article => "article density",
            Flavour::Dense => "dense (stress)",
        }
    }

    fn dir(self) -> &'static str {
        match self {
            Flavour::Article => "article",
            Flavour::Dense => "dense",
        }
    }

    fn seed(self) -> u64 {
        match self {
            Flavour::Article => 0xA271_C1E5,
            Flavour::Dense => 0x5EED_FAC7,
        }
    }
}

/// One flavour's files.
pub struct Set {
    pub flavour: Flavour,
    pub big: PathBuf,
    pub many: PathBuf,
}

/// Where everything was written.
pub struct Corpus {
    pub root: PathBuf,
    pub sets: Vec<Set>,
    pub rules_10: PathBuf,
    pub rules_1000: PathBuf,
}

/// SplitMix64: tiny, fast, and the same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The generated term rules: (preferred word, word to flag).
pub fn term_pair(i: usize) -> (String, String) {
    if i.is_multiple_of(2) {
        (format!("Zorvex{i}"), format!("Zorvix{i}"))
    } else {
        let cn = chinese_number(i);
        (format!("指标{cn}甲"), format!("指标{cn}乙"))
    }
}

/// Builds the corpus under `root` unless a corpus of this version and size is there.
pub fn ensure(root: &Path, megabytes: usize, files: usize) -> io::Result<Corpus> {
    let corpus = Corpus {
        root: root.to_path_buf(),
        sets: Flavour::ALL
            .into_iter()
            .map(|flavour| Set {
                flavour,
                big: root.join(flavour.dir()).join("big.md"),
                many: root.join(flavour.dir()).join("many"),
            })
            .collect(),
        rules_10: root.join("rules-10"),
        rules_1000: root.join("rules-1000"),
    };
    let stamp = root.join("STAMP");
    let want = format!("v{VERSION} {megabytes} MB {files} files\n");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        return Ok(corpus);
    }
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    let target = megabytes * 1_000_000;
    let per_file = target / files.max(1);
    for set in &corpus.sets {
        fs::create_dir_all(&set.many)?;
        let mut rng = Rng::new(set.flavour.seed());
        fs::write(&set.big, article(&mut rng, target, set.flavour))?;
        for i in 0..files {
            let text = article(&mut rng, per_file, set.flavour);
            fs::write(set.many.join(format!("{i:04}.md")), text)?;
        }
    }
    write_rules(&corpus.rules_10, 10)?;
    write_rules(&corpus.rules_1000, 1000)?;
    fs::write(stamp, want)?;
    Ok(corpus)
}

fn write_rules(dir: &Path, count: usize) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut yaml = String::from("applies_to: [\"**/*.md\"]\n\nterms:\n");
    for i in 0..count {
        let (good, bad) = term_pair(i);
        let _ = writeln!(
            yaml,
            "  - id: term_{i:04}\n    use: {good}\n    instead_of: [{bad}]\n    why: \"generated for the benchmark\"\n    examples:\n      pass: [\"用 {good} 写\"]\n      fail: [\"用 {bad} 写\"]"
        );
    }
    fs::write(dir.join("terms.yaml"), yaml)
}

/// One article of at least `bytes` bytes: a title, sections, paragraphs of mixed prose.
pub fn article(rng: &mut Rng, bytes: usize, flavour: Flavour) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let _ = writeln!(out, "# {}\n", rng.pick(TITLES));
    let mut paragraph = 0;
    while out.len() < bytes {
        if paragraph % 12 == 11 {
            let _ = writeln!(out, "## {}\n", rng.pick(TITLES));
        }
        if flavour == Flavour::Article && prose::block(rng, &mut out) {
            paragraph += 1;
            continue;
        }
        let sentences = 2 + rng.below(5);
        for _ in 0..sentences {
            // Most sentences of a data write-up carry no number; the numeric ones are as dense
            // as in the stress flavour.
            if flavour == Flavour::Article && rng.below(32) < PROSE_IN_32 {
                prose::sentence(rng, &mut out);
            } else {
                sentence(rng, &mut out);
            }
        }
        out.push_str("\n\n");
        match rng.below(40) {
            0 => out.push_str("```\nlet total = 1892; // 亿美元，不算\n```\n\n"),
            1 => out.push_str("- 列表项：增长 12%\n- item two: 3.5 times\n\n"),
            _ => {}
        }
        paragraph += 1;
    }
    out
}

/// How many sentence slots in 32 of an article-density paragraph are number-free prose: with
/// the prose blocks, this puts the density near that of the bundled article (about 72 bytes
/// per mention), which the benchmark measures and prints.
const PROSE_IN_32: usize = 19;

fn sentence(rng: &mut Rng, out: &mut String) {
    if rng.below(5) < 3 {
        zh_sentence(rng, out);
    } else {
        en_sentence(rng, out);
    }
    match rng.below(60) {
        0 => out.push_str("详见 https://example.org/report-2024/fig-3 。"),
        1 => out.push_str(" See `config.max = 500` for details."),
        2 => {
            let (_, bad) = term_pair(rng.below(1000));
            let _ = write!(out, "这里写成了 {bad}。");
        }
        _ => {}
    }
}

fn zh_sentence(rng: &mut Rng, out: &mut String) {
    let year = 2010 + rng.below(15);
    let subject = rng.pick(ZH_SUBJECTS);
    let hedge = rng.pick(ZH_HEDGES);
    let _ = match rng.below(9) {
        0 => write!(
            out,
            "{year} 年，{subject}的投资{}至 {} 亿美元，较上一年{}{hedge} {}%。",
            rng.pick(&["下降", "增长", "上升"]),
            decimal(rng, 4, 1),
            rng.pick(&["下降", "增长"]),
            1 + rng.below(60)
        ),
        1 => write!(
            out,
            "{subject}吸引了 {}万元的资金，{hedge}是 {} 年的{}倍。",
            decimal(rng, 4, 0),
            year - 1,
            rng.pick(&["九", "三", "十三", "两", "2.5", "8.7", "17.8"])
        ),
        2 => write!(
            out,
            "据图 {}.{}.{} 显示，{} 的训练成本{hedge} {} 万美元，{}是 {} 的 {} 倍。",
            1 + rng.below(9),
            1 + rng.below(9),
            1 + rng.below(30),
            rng.pick(MODELS),
            decimal(rng, 4, 0),
            rng.pick(&["大约", "近", ""]),
            rng.pick(MODELS),
            decimal(rng, 1, 1)
        ),
        3 => write!(
            out,
            "调查覆盖 {} 个国家的 {} 名受访者，其中{}认为{subject}{}。",
            10 + rng.below(90),
            thousands(rng.below(90_000) + 1000),
            rng.pick(&["三分之二", "一半", "四分之一", "超过半数", "百分之三十五"]),
            rng.pick(&["令人担忧", "前景乐观", "成本过高"])
        ),
        4 => write!(
            out,
            "第{}个季度，{subject}的营收{}了一番，达到 {} 亿元人民币。",
            chinese_number(1 + rng.below(4)),
            rng.pick(&["翻", "增加"]),
            decimal(rng, 3, 2)
        ),
        5 => write!(
            out,
            "{year} 年共发布了 {} 个模型，比前一年高出 {} 倍，碳排放{hedge} {} 吨。",
            10 + rng.below(200),
            2 + rng.below(300),
            decimal(rng, 3, 1)
        ),
        6 => write!(
            out,
            "在{}强公司中，有 {} 家提及了{subject}，占比 {}%，同比增加 {} 个百分点。",
            rng.pick(&["财富 500 ", "全球 2000 "]),
            thousands(rng.below(500) + 1),
            decimal(rng, 2, 1),
            decimal(rng, 1, 1)
        ),
        7 => write!(
            out,
            "{}，{subject}的规模约为 {} 万亿元，{}。",
            rng.pick(&["总的来看", "与此同时", "然而"]),
            decimal(rng, 1, 1),
            rng.pick(&["仍在扩张", "增速放缓", "远超预期"])
        ),
        _ => write!(
            out,
            "{}在过去{}年中持续增长，{}三千万用户，{}。",
            subject,
            chinese_number(2 + rng.below(9)),
            rng.pick(&["覆盖", "服务", "超过"]),
            rng.pick(&["这是一个重要的里程碑", "但仍面临挑战", "市场反应积极"])
        ),
    };
}

fn en_sentence(rng: &mut Rng, out: &mut String) {
    let year = 2010 + rng.below(15);
    let subject = rng.pick(EN_SUBJECTS);
    let hedge = rng.pick(EN_HEDGES);
    let _ = match rng.below(7) {
        0 => write!(
            out,
            " In {year}, {subject} reached {hedge} ${} billion, up {}% from {}. ",
            decimal(rng, 3, 1),
            1 + rng.below(80),
            year - 1
        ),
        1 => write!(
            out,
            " Training {} cost {hedge} US${}M, {} times as much as {}. ",
            rng.pick(MODELS),
            decimal(rng, 3, 0),
            rng.pick(&["nine", "2.4", "thirteen", "1.5"]),
            rng.pick(MODELS)
        ),
        2 => write!(
            out,
            " {} of {} companies surveyed said {subject} {}. ",
            rng.pick(&["Two-thirds", "Half", "A third", "One in eight", "A quarter"]),
            thousands(rng.below(5000) + 100),
            rng.pick(&["doubled", "tripled", "halved", "grew thirteenfold"])
        ),
        3 => write!(
            out,
            " Figure {}.{}.{} shows {} tonnes of CO2 for {}, {hedge} {} percent of the total. ",
            1 + rng.below(9),
            1 + rng.below(9),
            1 + rng.below(30),
            thousands(rng.below(600) + 1),
            rng.pick(MODELS),
            1 + rng.below(99)
        ),
        4 => write!(
            out,
            " The share rose by {} percentage points to {}%, while {subject} fell {}–{}%. ",
            decimal(rng, 1, 1),
            decimal(rng, 2, 1),
            1 + rng.below(5),
            6 + rng.below(10)
        ),
        5 => write!(
            out,
            " {subject} raised €{} million and £{}k in the {} round, per the {} report. ",
            decimal(rng, 3, 1),
            rng.below(900) + 10,
            rng.pick(&["seed", "Series A", "7th"]),
            year
        ),
        _ => write!(
            out,
            " Over {} years the field changed: {} labs, {} papers and {hedge} {} GPUs. ",
            rng.pick(&["ten", "five", "3"]),
            10 + rng.below(90),
            thousands(rng.below(200_000) + 1),
            thousands(rng.below(100_000) + 1)
        ),
    };
}

/// A decimal with `int` integer digits (first one non-zero) and `frac` decimals.
fn decimal(rng: &mut Rng, int: usize, frac: usize) -> String {
    let mut s = (1 + rng.below(9)).to_string();
    for _ in 1..int {
        s.push(char::from(b'0' + rng.below(10) as u8));
    }
    if frac > 0 {
        s.push('.');
        for _ in 0..frac {
            s.push(char::from(b'0' + rng.below(10) as u8));
        }
    }
    s
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Chinese numerals below ten thousand (`二百零五`), enough for generated text and ids.
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n < 10 {
        return DIGITS[n].to_string();
    }
    let mut out = String::new();
    let mut zero = false;
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
        let d = (n / unit) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(unit == 10 && d == 1 && out.is_empty()) {
            out.push(DIGITS[d]);
        }
        out.push_str(name);
    }
    out
}

const TITLES: &[&str] = &[
    "企业对生成式 AI 投资猛增",
    "训练成本",
    "碳足迹",
    "Training costs keep rising",
    "Who builds the models",
    "公众态度",
    "Policy and regulation",
];

const ZH_SUBJECTS: &[&str] = &[
    "全球企业",
    "生成式人工智能",
    "美国",
    "中国",
    "欧盟",
    "开源社区",
    "大模型行业",
];

const EN_SUBJECTS: &[&str] = &[
    "private investment",
    "the United States",
    "corporate spending",
    "open-source funding",
    "the industry",
];

const ZH_HEDGES: &[&str] = &["约", "近", "超过", "不到", "", "", "将近", "逾"];

const EN_HEDGES: &[&str] = &["about", "nearly", "over", "", "", "roughly", "at least"];

pub const MODELS: &[&str] = &[
    "GPT-4",
    "Gemini Ultra",
    "Claude 3",
    "Llama 2 70B",
    "PaLM 2",
    "GPT-3",
];
