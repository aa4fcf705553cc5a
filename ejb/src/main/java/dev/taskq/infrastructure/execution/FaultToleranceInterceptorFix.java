package dev.taskq.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.interceptor.AroundInvoke;
import java.util.logging.Logger;

/**
 * Stops Payara's MicroProfile Fault Tolerance interceptor from intercepting itself on every task attempt.
 *
 * <p>Payara adds its {@code FaultToleranceInterceptor} to each application as a plain {@code @Dependent} bean and
 * registers a programmatic interceptor that calls the bean's {@code intercept} method directly. The class also
 * carries {@code @AroundInvoke} on that method. To Weld that makes it a target-class interceptor of the bean itself,
 * so the bean is made as an intercepting subclass, and the interceptor's own call of {@code shouldIntercept} runs
 * {@code intercept} a second time, with a whole Fault Tolerance policy lookup and {@code ft_invocations_total}
 * series for {@code FaultToleranceInterceptor.shouldIntercept} and {@code isStereotype} in {@code /metrics}. The
 * programmatic interceptor does not need the annotation, so this extension removes it from the type Payara adds. The
 * {@code @Retry} of {@code TaskAttempts} is intercepted exactly as before. (The nested call was 11 % of a draining
 * worker's CPU samples; the drain rate did not change measurably without it: docs/performance.md, 2026-12-07.)</p>
 */
public class FaultToleranceInterceptorFix implements Extension {
    static final String PAYARA_INTERCEPTOR = "fish.payara.microprofile.faulttolerance.cdi.FaultToleranceInterceptor";
    private static final Logger LOG = Logger.getLogger(FaultToleranceInterceptorFix.class.getName());

    <T> void interceptorTypeAdded(@Observes ProcessSyntheticAnnotatedType<T> event) {
        if (!PAYARA_INTERCEPTOR.equals(event.getAnnotatedType().getJavaClass().getName())) {
            return;
        }
        event.configureAnnotatedType().filterMethods(method -> method.isAnnotationPresent(AroundInvoke.class))
                .forEach(method -> method.remove(annotation -> annotation.annotationType() == AroundInvoke.class));
        LOG.fine("@AroundInvoke removed from the bean type of " + PAYARA_INTERCEPTOR);
    }
}
