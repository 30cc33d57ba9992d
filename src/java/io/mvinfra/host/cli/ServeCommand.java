package io.mvinfra.host.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mvinfra.host.Host;
import io.mvinfra.host.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the host: web admin page, JSON API and scheduled jobs.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    HostOptions host;
    @Spec
    CommandSpec spec;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else requires login)")
    String bind;

    @Override
    public Integer call() throws InterruptedException {
        Host h = host.open();
        h.logLoaded();
        h.startScheduler();
        WebServer web = WebServer.start(h, bind, port);
        log.info("web admin on http://{}:{}/", bind.contains(":") ? "[" + bind + "]" : bind, web.port());
        Main.out(spec).printf("mv-infra serving on http://%s:%d/ (Ctrl-C to stop)%n", bind, web.port());
        Main.out(spec).flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            h.close();
            stopped.countDown();
        }, "mv-infra-shutdown"));
        stopped.await();
        return Main.OK;
    }
}
