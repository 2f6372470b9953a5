package chatqa.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.Session;
import chatqa.publish.HtmlReport;
import chatqa.publish.Words;

/** {@code chatqa report}: rebuilds a day's HTML report from the warehouse, without scoring again. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rebuild reports/<date>/ (team overview, agent pages, charts) from the warehouse.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The scored day.")
    LocalDate date;

    @Mixin
    WarehouseOptions target;

    @Mixin
    ReportWordsOptions out;

    @Mixin
    TimezoneOption timezone;

    @Option(names = "--agent-png", description = "Draw each agent's charts as PNG too, for mail (the pages show SVG; the "
            + "overview's charts always have a PNG).")
    boolean agentPng;

    @Override
    public Integer call() throws Exception {
        Words words = out.words();
        try (Session session = Session.open(target.master, timezone.zone().getId())) {
            HtmlReport.Written w = session.report(target.warehouse, out.reports, date.toString(), words, agentPng);
            System.out.printf("chatqa report: day %s%n  overview      %s%n  agent pages   %d%n  charts        %d (SVG; PNG for %s)%n",
                    date, w.index(), w.agentPages(), w.charts(), agentPng ? "all" : "the overview's");
            return ChatQa.OK;
        }
    }
}
