package chatqa.ingest;

/**
 * What reading one file found out besides its rows: the encoding it was read in, and how many of
 * its timestamps were a time of day that was put on the run's day.
 */
public record FileRead(FileEncoding encoding, long timeOnlyDated) {
}
