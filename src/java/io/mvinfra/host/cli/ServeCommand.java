package io.mvinfra.host.cli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.Host;
import io.mvinfra.host.handoff.HandOffServer;
import io.mvinfra.host.web.WebServer;
import io.mvinfra.host.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the host: web admin page, JSON API and scheduled jobs.")
final class ServeCommand extends HostCommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else requires login)")
    String bind;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Host h = host.openToServe();
        h.logLoaded();
        h.startScheduler();
        WebSettings settings = WebSettings.forBind(bind, port);
        WebServer web = WebServer.start(h, settings);
        // CLI commands on this home now run here, warm, instead of each opening the host in a fresh JVM
        HandOffServer handOff = HandOffServer.start(h.settings(), new HandedCommands(h));
        String address = bind.contains(":") ? "[" + bind + "]" : bind;
        log.info("web admin on http://{}:{}/ ({})", address, web.port(), settings.loginRequired() ? "login required" : "loopback only, no login");
        out().printf("mv-infra serving on http://%s:%d/ (%s; Ctrl-C to stop)%n", address, web.port(),
                settings.loginRequired() ? "login required: users from `mv-infra user add`" : "loopback only, no login");
        out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            handOff.close();
            web.close();
            h.close();
            stopped.countDown();
        }, "mv-infra-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
