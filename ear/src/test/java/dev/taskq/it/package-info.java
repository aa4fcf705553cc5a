/**
 * Integration tests of taskq.ear on Payara Server 6, run by failsafe against the domain that ear/pom.xml makes,
 * starts and deploys through payara-config/server/domain.sh (as ./run.sh server does), with the real RabbitMQ
 * and Redis: what a user of the REST API and of the admin console sees, and the EAR working one queue together
 * with a Payara Micro node.
 */
package dev.taskq.it;
