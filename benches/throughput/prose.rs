//! Number-free prose for the article-density corpus: a generator in, Chinese and English
//! sentences, bullet lists and block quotes out, of realistic lengths, some naming models
//! (GPT-4, Llama 2 70B) or quoting someone. They carry no quantity, so mixing them with the
//! numeric sentences of corpus.rs thins the numbers out to the density of a real write-up;
//! the benchmark measures that density rather than trusting this file.

use std::fmt::Write as _;

use crate::corpus::{MODELS, Rng};

/// One sentence, Chinese three times in five as in the numeric sentences.
pub fn sentence(rng: &mut Rng, out: &mut String) {
    if rng.below(5) < 3 {
        zh_sentence(rng, out);
    } else {
        en_sentence(rng, out);
    }
}

/// Now and then a whole block with no number (a list, a quote, a short paragraph); returns
/// whether it wrote one.
pub fn block(rng: &mut Rng, out: &mut String) -> bool {
    match rng.below(16) {
        0 => {
            let zh = rng.below(2) == 0;
            out.push_str(if zh {
                "报告关注的几个方面：\n\n"
            } else {
                "The report looks at:\n\n"
            });
            let items = if zh { ZH_ITEMS } else { EN_ITEMS };
            let first = rng.below(items.len());
            for i in 0..3 + rng.below(3) {
                let _ = writeln!(out, "- {}", items[(first + i) % items.len()]);
            }
            out.push('\n');
            true
        }
        1 => {
            out.push_str("> ");
            sentence(rng, out);
            sentence(rng, out);
            out.push_str("\n\n");
            true
        }
        2 => {
            sentence(rng, out);
            out.push_str("\n\n");
            true
        }
        _ => false,
    }
}

fn zh_sentence(rng: &mut Rng, out: &mut String) {
    let _ = match rng.below(8) {
        0 => write!(
            out,
            "{}表示：“{}”",
            rng.pick(ZH_SPEAKERS),
            rng.pick(ZH_QUOTES)
        ),
        1 => {
            let (a, b) = two_models(rng);
            write!(
                out,
                "{a} 和 {b} 等系统{}，{}。",
                rng.pick(&[
                    "展示了令人印象深刻的多模态能力",
                    "在多项基准上的表现彼此接近",
                    "引发了关于评估方法的广泛讨论",
                ]),
                rng.pick(&[
                    "但在复杂推理任务上仍会出错",
                    "不过它们的训练细节大多没有公开",
                    "这让开源社区感受到了压力",
                ])
            )
        }
        _ => write!(
            out,
            "{}{}{}{}。",
            rng.pick(ZH_OPENERS),
            rng.pick(ZH_SUBJECTS),
            rng.pick(ZH_PREDICATES),
            rng.pick(ZH_CLOSERS)
        ),
    };
}

fn en_sentence(rng: &mut Rng, out: &mut String) {
    out.push(' ');
    let _ = match rng.below(8) {
        0 => write!(
            out,
            "\"{}\" said {}.",
            rng.pick(EN_QUOTES),
            rng.pick(EN_SPEAKERS)
        ),
        1 => {
            let (a, b) = two_models(rng);
            write!(
                out,
                "Systems such as {a} and {b} {}, {}.",
                rng.pick(&[
                    "show impressive multimodal abilities",
                    "score close to each other on most benchmarks",
                    "have started a debate about how to evaluate models",
                ]),
                rng.pick(&[
                    "yet they still stumble on multi-step reasoning",
                    "but little is known about how they were trained",
                    "which puts pressure on open-source projects",
                ])
            )
        }
        _ => {
            let opener = rng.pick(EN_OPENERS);
            let subject = rng.pick(EN_SUBJECTS);
            if opener.is_empty() {
                let mut chars = subject.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(opener);
                out.push_str(subject);
            }
            write!(out, " {}{}.", rng.pick(EN_PREDICATES), rng.pick(EN_CLOSERS))
        }
    };
    out.push(' ');
}

/// Two different model names.
fn two_models(rng: &mut Rng) -> (&'static str, &'static str) {
    let a = rng.below(MODELS.len());
    let b = (a + 1 + rng.below(MODELS.len() - 1)) % MODELS.len();
    (MODELS[a], MODELS[b])
}

const ZH_OPENERS: &[&str] = &[
    "报告指出，",
    "与此同时，",
    "研究人员认为，",
    "值得注意的是，",
    "从整体上看，",
    "在这样的背景下，",
    "不过，",
    "换句话说，",
    "",
    "",
    "",
];

const ZH_SUBJECTS: &[&str] = &[
    "大模型的开发者",
    "各国的监管机构",
    "开源社区",
    "学术界",
    "工业界",
    "许多企业",
    "普通公众",
    "斯坦福 HAI 研究所的研究团队",
    "风险投资机构",
    "政策制定者",
    "云计算厂商",
];

const ZH_PREDICATES: &[&str] = &[
    "越来越重视模型的安全性和可解释性",
    "开始把注意力转向推理效率",
    "仍在寻找可持续的商业模式",
    "对生成式人工智能的前景看法不一",
    "在数据治理方面投入了更多精力",
    "普遍担心训练数据的版权问题",
    "希望在透明度和性能之间找到平衡",
    "正在重新评估基础模型可能带来的风险",
    "把负责任的人工智能写进了年度计划",
    "更愿意与高校合作开展前沿研究",
];

const ZH_CLOSERS: &[&str] = &[
    "",
    "",
    "，这一趋势在近年尤为明显",
    "，但具体做法差异很大",
    "，相关讨论也随之升温",
    "，而且这种变化还在加速",
    "，尽管外界对此仍有不少疑问",
];

const ZH_SPEAKERS: &[&str] = &[
    "报告的作者",
    "该研究所的负责人",
    "一位长期跟踪这一领域的分析师",
    "参与评估的研究人员",
];

const ZH_QUOTES: &[&str] = &[
    "我们还处在非常早期的阶段。",
    "真正的挑战在于如何评估这些系统。",
    "开源与闭源之争不会很快结束，双方都有各自的理由。",
    "透明度不足让外界很难判断模型的真实能力。",
];

const ZH_ITEMS: &[&str] = &[
    "研发与技术性能",
    "负责任的人工智能",
    "经济影响与就业",
    "科学和医学领域的应用",
    "教育与人才培养",
    "政策、治理与公众舆论",
];

const EN_OPENERS: &[&str] = &[
    "However, ",
    "In practice, ",
    "According to the authors, ",
    "Meanwhile, ",
    "Put simply, ",
    "",
    "",
    "",
];

const EN_SUBJECTS: &[&str] = &[
    "developers of large models",
    "regulators in several regions",
    "open-source maintainers",
    "academic labs",
    "industry labs",
    "many companies",
    "ordinary users",
    "venture investors",
    "policy makers",
];

const EN_PREDICATES: &[&str] = &[
    "pay more attention to safety and interpretability",
    "have shifted their focus toward cheaper inference",
    "are still looking for a sustainable business model",
    "remain divided over the promise of generative AI",
    "worry about the copyright status of training data",
    "want a balance between transparency and performance",
    "are reassessing the risks of foundation models",
];

const EN_CLOSERS: &[&str] = &[
    "",
    "",
    ", and the trend has become clearer in recent years",
    ", although their approaches differ widely",
    " \u{2014} a change that few predicted",
    ", as the report's chapter on policy makes plain",
];

const EN_SPEAKERS: &[&str] = &[
    "one of the report's authors",
    "a researcher who took part in the evaluation",
    "an analyst who follows the field",
];

const EN_QUOTES: &[&str] = &[
    "We are still at a very early stage.",
    "The real challenge is how to evaluate these systems.",
    "Transparency is lacking, so it is hard to judge what the models can really do.",
];

const EN_ITEMS: &[&str] = &[
    "research and development",
    "technical performance",
    "responsible AI",
    "the economy and jobs",
    "science and medicine",
    "education",
    "policy and governance",
    "public opinion",
];
