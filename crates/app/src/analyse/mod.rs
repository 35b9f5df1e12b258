//! `cohesion analyse …`: the analysis engine (`cohesion-insight`) run from
//! the command line on files, with no database and no server. Each
//! subcommand lives in a module of its own.

mod discussion;
mod moderation;
mod opinions;
mod progress;
mod themes;

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum AnalyseCommand {
    /// Opinion groups, representative and consensus statements from a
    /// Pol.is export (comments.csv and votes.csv, or participants-votes.csv).
    Opinions(OpinionsArgs),
    /// Train, evaluate and apply a moderation classifier.
    #[command(subcommand)]
    Moderation(ModerationCommand),
    /// Themes in free-text answers.
    Themes(ThemesArgs),
    /// A discussion thread's duplicates, endorsements, screening reasons
    /// and themes, from a CSV or JSON Lines file with the fields id,
    /// parent_id, author, role, created_at and text.
    Discussion(DiscussionArgs),
}

#[derive(Args, Debug)]
pub struct DiscussionArgs {
    /// The thread: CSV, or JSON Lines (.jsonl, .ndjson, .json or a first
    /// line starting with `{`).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Words and phrases to flag, one a line, matched as screening
    /// matches them (through disguises).
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,
    /// Seed for the themes' clustering; the same input and seed give the
    /// same output.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    /// Write the JSON here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct OpinionsArgs {
    /// Folder holding the Pol.is export.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Seed for the clustering; the same input and seed give the same output.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    /// Write the JSON here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum ModerationCommand {
    /// Train a model from a labelled CSV file.
    Train {
        #[arg(long, value_name = "FILE.csv")]
        input: PathBuf,
        #[arg(long, value_name = "NAME")]
        text_column: String,
        #[arg(long, value_name = "NAME")]
        label_column: String,
        /// Where to write the model.
        #[arg(long, value_name = "OUT")]
        model: PathBuf,
        /// Seed for the training order; the same data and seed give the
        /// same model.
        #[arg(long, default_value_t = 0, value_name = "N")]
        seed: u64,
        /// Precision each class's flagging threshold must reach on the
        /// training data, each third scored by a model fitted on the
        /// other two.
        #[arg(long, default_value_t = 0.9, value_name = "P")]
        target_precision: f64,
        /// How the weights are fitted: `sgd`, logistic regression (the
        /// default, which held up best on text unlike its training data);
        /// `nb-svm`, one linear SVM per label on naive-Bayes-weighted
        /// n-grams (better on data like the training set); `svm`, the
        /// same without the weighting. See ADR 0009.
        #[arg(long, value_enum, default_value_t = LearnerArg::Sgd)]
        learner: LearnerArg,
        /// Regularisation of the SVM learners: larger fits the training
        /// data more closely.
        #[arg(long, default_value_t = 0.2, value_name = "C")]
        c: f32,
    },
    /// Evaluate a model on a labelled CSV file; prints JSON.
    Eval {
        #[arg(long, value_name = "M")]
        model: PathBuf,
        #[arg(long, value_name = "FILE.csv")]
        input: PathBuf,
        #[arg(long, value_name = "NAME")]
        text_column: String,
        #[arg(long, value_name = "NAME")]
        label_column: String,
    },
    /// Score every row of a CSV file; writes one JSON line per row.
    Score {
        #[arg(long, value_name = "M")]
        model: PathBuf,
        #[arg(long, value_name = "FILE.csv")]
        input: PathBuf,
        #[arg(long, value_name = "NAME")]
        text_column: String,
        #[arg(long, value_name = "NAME")]
        id_column: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct ThemesArgs {
    /// CSV or JSONL file of answers.
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub text_field: String,
    #[arg(long, value_name = "NAME")]
    pub id_field: String,
    /// Confirmed themes (JSON) to map the answers to.
    #[arg(long, value_name = "CONFIRMED.json")]
    pub themes: Option<PathBuf>,
    /// Seed for the clustering of large inputs; the same input and seed
    /// give the same output.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
    /// Write the JSON here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(command: AnalyseCommand) -> anyhow::Result<()> {
    match command {
        AnalyseCommand::Opinions(args) => opinions::run(args),
        AnalyseCommand::Moderation(command) => moderation::run(command),
        AnalyseCommand::Themes(args) => themes::run(args),
        AnalyseCommand::Discussion(args) => discussion::run(args),
    }
}

/// The moderation learners, as the command line names them.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnerArg {
    Sgd,
    NbSvm,
    Svm,
}
