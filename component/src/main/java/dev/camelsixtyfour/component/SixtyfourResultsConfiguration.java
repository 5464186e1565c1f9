package dev.camelsixtyfour.component;

import dev.camelsixtyfour.component.model.ResultFormat;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How the rows of a finished run reach the exchange: the results and runAndWait operations, the runs consumer and
 * webhook deliveries whose rows must be downloaded.
 */
@UriParams
public class SixtyfourResultsConfiguration {

    @UriParam(label = "common", defaultValue = "csv",
              description = "The format the result file is downloaded and parsed in. json needs runs started with"
                            + " saveJson=true; the CamelSixtyfourResultFormat header overrides it.")
    private ResultFormat resultFormat = ResultFormat.csv;

    @UriParam(label = "common", defaultValue = "false",
              description = "Whether the body is an Iterator of rows read from the download while the route consumes"
                            + " them (use with split().streaming()); the stream closes when the last row is read or"
                            + " when the exchange completes. By default the body is a List of all rows, held in"
                            + " memory.")
    private boolean streamResults;

    @UriParam(label = "common",
              description = "A directory to stream result files into instead of reading rows: the body becomes the"
                            + " java.io.File written there, named <job id>.<format>. Wins over streamResults.")
    private String resultsDirectory;

    public ResultFormat getResultFormat() {
        return resultFormat;
    }

    public void setResultFormat(ResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    public boolean isStreamResults() {
        return streamResults;
    }

    public void setStreamResults(boolean streamResults) {
        this.streamResults = streamResults;
    }

    public String getResultsDirectory() {
        return resultsDirectory;
    }

    public void setResultsDirectory(String resultsDirectory) {
        this.resultsDirectory = resultsDirectory;
    }
}
