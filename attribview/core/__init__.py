"""The core: analysis, profiles and (later) the store, under every face (CLI, GUI). No Qt here."""
