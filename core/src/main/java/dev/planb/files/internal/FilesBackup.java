/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.files.DirectorySource;
import dev.planb.internal.pipeline.ArtifactPipeline;
import dev.planb.internal.pipeline.CancellableOutputStream;
import dev.planb.internal.pipeline.RunControl;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up the directory trees of one run, each as a tar artifact (and, for an incremental
 * source, an index artifact) written through the run's {@link ArtifactPipeline}.
 */
public final class FilesBackup {

    private static final Logger LOG = LoggerFactory.getLogger(FilesBackup.class);

    private final String plan;
    private final String backupId;
    private final List<Destination> destinations;
    private final RunControl control;
    private final Set<String> needs = new HashSet<>();
    private Optional<Manifest> previous;
    private Destination previousFrom;

    /**
     * @param plan the plan's name
     * @param backupId the id of the backup being made
     * @param destinations every destination of the plan: an incremental source builds on the
     *     previous backup only if each of them holds it and every backup it needs
     * @param control stops the archiving when the run is cancelled (a timeout)
     */
    public FilesBackup(String plan, String backupId, List<Destination> destinations, RunControl control) {
        this.plan = plan;
        this.backupId = backupId;
        this.destinations = List.copyOf(destinations);
        this.control = control;
    }

    /**
     * Checks, before anything is written, that a source's directory can be read.
     *
     * @throws PlanBException naming the source and the directory
     */
    public static void checkReadable(String plan, DirectorySource source) {
        Path directory = source.directory();
        String problem = !Files.exists(directory) ? "does not exist"
                : !Files.isDirectory(directory) ? "is not a directory"
                : !Files.isReadable(directory) ? "cannot be read" : null;
        if (problem != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Plan '" + plan + "': files '" + source.name() + "': "
                    + directory + " " + problem + ": give an existing directory");
        }
    }

    /** The artifact name of a source's tree, before compression. */
    private static String archiveName(String source) {
        return "files-" + source + ".tar";
    }

    /** The artifact name of a source's index, before compression. */
    private static String indexName(String source) {
        return "files-" + source + ".index.jsonl";
    }

    /**
     * Stores one source's tree through the pipeline.
     *
     * @throws PlanBException when the tree cannot be read (and unreadable files are not skipped)
     *     or no destination is left
     */
    public FileSet write(DirectorySource source, ArtifactPipeline pipeline) {
        if (!source.incremental()) {
            ArtifactPipeline.Stored<ArchiveSummary> archive = pipeline.write(archiveName(source.name()), -1,
                    out -> TreeArchive.write(plan, source, backupId, IndexReader.empty(), null, guard(out)),
                    e -> readFailure(source, e));
            return fileSet(source, archive, null);
        }
        Path indexFile = null;
        try {
            indexFile = Files.createTempFile("planb-index-", ".jsonl");
            Path index = indexFile;
            Optional<PreviousIndex> before = previousIndex(source);
            ArtifactPipeline.Stored<ArchiveSummary> archive;
            try (IndexReader previousIndex = open(before, source);
                    BufferedWriter indexWriter = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
                archive = pipeline.write(archiveName(source.name()), -1,
                        out -> {
                            ArchiveSummary summary = TreeArchive.write(plan, source, backupId, previousIndex,
                                    indexWriter, guard(out));
                            drain(previousIndex); // reads the old index to its end, where its checksum is checked
                            return summary;
                        },
                        e -> readFailure(source, e));
            }
            ArtifactPipeline.Stored<Void> stored = pipeline.write(indexName(source.name()), Files.size(index),
                    out -> {
                        Files.copy(index, out);
                        return null;
                    },
                    e -> readFailure(source, e));
            archive.content().referencedBackups().stream().filter(id -> !id.equals(backupId)).forEach(needs::add);
            return fileSet(source, archive, stored.artifact().name());
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, "Backup of plan '" + plan + "' failed: files '"
                    + source.name() + "': cannot use a temporary file for its index: " + Messages.firstLine(e), e);
        } finally {
            deleteQuietly(indexFile);
        }
    }

    /** The backups the incremental sources written so far read from, oldest first (the previous backup's chain order). */
    public List<String> needs() {
        if (needs.isEmpty()) {
            return List.of(); // nothing reused: no need to ask the destinations for the previous backup
        }
        List<String> chain = previousBackup().map(FilesBackup::chain).orElse(List.of());
        return chain.stream().filter(needs::contains).toList();
    }

    /** The backups a backup's files may live in, oldest first: what it needs, then itself. */
    private static List<String> chain(Manifest manifest) {
        List<String> chain = new ArrayList<>(manifest.needs());
        chain.add(manifest.backupId());
        return chain;
    }

    private FileSet fileSet(DirectorySource source, ArtifactPipeline.Stored<ArchiveSummary> archive, String index) {
        ArchiveSummary summary = archive.content();
        if (!summary.warnings().isEmpty() || !summary.skipped().isEmpty()) {
            LOG.warn("Backup {} of plan '{}': files '{}': {} file(s) changed or vanished while being read, {} skipped",
                    backupId, plan, source.name(), summary.warnings().size(), summary.skipped().size());
        }
        return new FileSet(source.name(), source.directory().toString(), archive.artifact().name(), index,
                summary.fileCount(), summary.totalSize(), summary.storedFiles(), summary.storedSize(),
                summary.warnings(), summary.skipped());
    }

    /**
     * The previous backup's index of this source, when every destination holds that backup and
     * every backup it needs; otherwise this backup stores every file.
     */
    private Optional<PreviousIndex> previousIndex(DirectorySource source) {
        Optional<Manifest> manifest = previousBackup();
        Optional<FileSet> fileSet = manifest.flatMap(m -> m.files().stream()
                .filter(files -> files.source().equals(source.name()) && files.incremental()).findFirst());
        if (fileSet.isEmpty()) {
            return Optional.empty();
        }
        Manifest.Artifact index = manifest.get().artifact(fileSet.get().index()).orElseThrow();
        if (index.isEncrypted()) {
            LOG.info("Files '{}' are stored in full: the previous index is encrypted and this run holds no key to read it",
                    source.name());
            return Optional.empty();
        }
        for (Destination destination : destinations) {
            for (String id : chain(manifest.get())) {
                try {
                    new Catalog(destination).find(plan, id);
                } catch (RuntimeException e) {
                    LOG.info("Files '{}' are stored in full: {} does not hold backup {} ({})", source.name(),
                            destination.description(), id, e.getMessage());
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PreviousIndex(new Catalog(previousFrom), manifest.get(), index));
    }

    /** The previous index, or an empty one (every file is stored) when there is none or it cannot be opened. */
    private static IndexReader open(Optional<PreviousIndex> previous, DirectorySource source) throws IOException {
        if (previous.isPresent()) {
            try {
                return previous.get().open();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Files '{}' are stored in full: the previous index cannot be read ({})", source.name(),
                        Messages.firstLine(e));
            }
        }
        return IndexReader.empty();
    }

    /** The newest backup of the plan on the first destination that can be listed. */
    private Optional<Manifest> previousBackup() {
        if (previous == null) {
            previous = Optional.empty();
            for (Destination destination : destinations) {
                try {
                    previous = new Catalog(destination).newest(plan, Manifest::isDump); // files are in dumps only
                    previousFrom = destination;
                    break;
                } catch (RuntimeException e) {
                    LOG.debug("Cannot list {} for the previous backup", destination.description(), e);
                }
            }
        }
        return previous;
    }

    private OutputStream guard(OutputStream out) {
        return new CancellableOutputStream(out, control);
    }

    private PlanBException readFailure(DirectorySource source, Throwable e) {
        return control.cancellation().orElseGet(() -> new PlanBException(ErrorCode.DUMP_FAILED, "Backup of plan '" + plan + "' failed while reading files '"
                + source.name() + "' (" + source.directory() + "): " + Messages.firstLine(e), e));
    }

    private static void drain(IndexReader reader) throws IOException {
        while (reader.next().isPresent()) {
            // reading to the end is the point
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }

    /** Where the previous backup's index of a source is. */
    private record PreviousIndex(Catalog catalog, Manifest manifest, Manifest.Artifact artifact) {
        IndexReader open() throws IOException {
            return new IndexReader(catalog.openDump(manifest, artifact));
        }
    }
}
