/**
 * The programming model of a taskq task kind: implement {@link dev.taskq.api.TaskHandler} in a CDI bean, describe
 * it with {@link dev.taskq.api.TaskDefinition}, and take a record (or bean) as input whose Bean Validation
 * constraints are the rules of the REST API and the web form alike. taskq finds the handler at deployment; nothing
 * in taskq's own modules changes. This package depends on nothing but the JDK.
 */
package dev.taskq.api;
