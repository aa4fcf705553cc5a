/**
 * What a task is: its kinds, its states and the transitions between them, the inputs each kind takes with
 * their validation rules (one set of Bean Validation rules, used by the REST API and the Faces forms alike),
 * and the work each kind does. No framework imports here beyond Bean Validation; everything else may depend
 * on this package.
 */
package dev.taskq.domain;
