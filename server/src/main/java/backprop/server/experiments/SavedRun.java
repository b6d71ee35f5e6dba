package backprop.server.experiments;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.server.store.Experiment;

/**
 * A stored experiment as a run of the engine: its spec on its own data or on its imported points
 * ({@link ImportedSpec}), from epoch 0 or in its saved trained state. Only for stored
 * experiments, which {@link ExperimentService} validated whole.
 */
public final class SavedRun {
    private SavedRun() {}

    /** The imported points, or null when the spec's own data is used. */
    public static Dataset dataset(Experiment experiment) {
        return experiment.dataset() == null
                ? null
                : CsvImport.parse(experiment.dataset()).dataset();
    }

    /** The spec the engine runs (the carrier spec for imported points). */
    public static Spec spec(Experiment experiment, Dataset dataset) {
        return dataset == null
                ? SpecCodec.parseStrict(experiment.spec())
                : ImportedSpec.parse(experiment.spec(), dataset).spec();
    }

    /** Epoch 0 of the experiment. */
    public static Trainer fresh(Experiment experiment) {
        Dataset dataset = dataset(experiment);
        return new Trainer(spec(experiment, dataset), dataset);
    }

    /** The saved state when there is one, else epoch 0. */
    public static Trainer saved(Experiment experiment) {
        if (experiment.snapshot() == null) {
            return fresh(experiment);
        }
        Dataset dataset = dataset(experiment);
        return Trainer.resume(spec(experiment, dataset), dataset, Snapshot.fromBytes(experiment.snapshot()));
    }
}
