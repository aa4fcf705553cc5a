/**
 * The fault-injection lab the reliability scenarios run in: a private RabbitMQ node ({@link
 * dev.taskq.reliability.lab.PrivateRabbitMq}) and a private Redis server ({@link
 * dev.taskq.reliability.lab.PrivateRedis}) on free loopback ports, which the scenarios may kill and restart, and
 * taskq itself as a real Payara Micro process ({@link dev.taskq.reliability.lab.TaskqProcess}: the built
 * {@code rabbitmq-ra.rar} and {@code taskq.war}) that they may {@code kill -9}, SIGTERM and restart. {@link
 * dev.taskq.reliability.lab.FaultLab} owns them for one test run and stops them all at its end. Also the tools to
 * drive and judge a run: {@link dev.taskq.reliability.lab.Load} (users submitting tasks over HTTP), {@link
 * dev.taskq.reliability.lab.Ledger} (what Redis says happened to each accepted task) and {@link
 * dev.taskq.reliability.lab.Summary} (the table printed at the end). Never touches the shared RabbitMQ or Redis.
 */
package dev.taskq.reliability.lab;
