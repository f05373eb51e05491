/** Heartbeat Lab: a TCP heartbeat server, reconnecting clients and the failure detectors they race. */
module lab.heartbeat {
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    requires jdk.net;
    requires java.management;
    requires jdk.management;
    requires java.logging;
    requires jdk.unsupported;
    requires info.picocli;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.commons.csv;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.exporter.httpserver;
    requires io.prometheus.metrics.instrumentation.jvm;
    requires jdk.httpserver;
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires org.controlsfx.controls;
    requires java.net.http;
    requires io.fair_acc.chartfx;
    requires io.fair_acc.dataset;
    opens lab.heartbeat.cli to info.picocli;
    opens lab.heartbeat.lab to com.fasterxml.jackson.databind;
    opens lab.heartbeat.detect to com.fasterxml.jackson.databind;
    opens lab.heartbeat.control to com.fasterxml.jackson.databind;

    exports lab.heartbeat.protocol;
    exports lab.heartbeat.detect;
    exports lab.heartbeat.transport;
    exports lab.heartbeat.telemetry;
    exports lab.heartbeat.fault;
    exports lab.heartbeat.lab;
    exports lab.heartbeat.control;
    exports lab.heartbeat.ui to javafx.graphics;
}
