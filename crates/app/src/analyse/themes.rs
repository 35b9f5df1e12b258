//! `cohesion analyse themes`.

use super::ThemesArgs;

pub fn run(_args: ThemesArgs) -> anyhow::Result<()> {
    anyhow::bail!("`analyse themes` is being built and is not available in this version")
}
