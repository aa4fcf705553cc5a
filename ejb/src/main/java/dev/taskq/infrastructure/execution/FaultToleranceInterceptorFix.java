package dev.taskq.infrastructure.execution;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import jakarta.interceptor.AroundInvoke;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.logging.Logger;

/**
 * Takes two costs of Payara's MicroProfile Fault Tolerance interceptor out of every task attempt. The {@code @Retry}
 * of {@code TaskAttempts} is intercepted exactly as before.
 *
 * <p><b>It no longer intercepts itself.</b> Payara adds its {@code FaultToleranceInterceptor} to each application as
 * a plain {@code @Dependent} bean and registers a programmatic interceptor that calls the bean's {@code intercept}
 * method directly. The class also carries {@code @AroundInvoke} on that method. To Weld that makes it a target-class
 * interceptor of the bean itself, so the bean is made as an intercepting subclass, and the interceptor's own call of
 * {@code shouldIntercept} runs {@code intercept} a second time, with a whole Fault Tolerance policy lookup and
 * {@code ft_invocations_total} series for {@code FaultToleranceInterceptor.shouldIntercept} and
 * {@code isStereotype} in {@code /metrics}. The programmatic interceptor does not need the annotation, so this
 * extension removes it from the type Payara adds. (The nested call was 11 % of a draining worker's CPU samples.)</p>
 *
 * <p><b>It no longer makes a request-context controller per call.</b> The interceptor asks its injected
 * {@code Instance<RequestContextController>} for a new controller on every call, only to hand it to the service
 * that builds a method's Fault Tolerance context, which keeps the controller of the method's first call and ignores
 * every later one; and it is used only to activate a request scope around {@code @Asynchronous} methods, which
 * taskq has none of (the service skips a missing controller). Each new controller made Weld resolve the observers
 * of the request context's events: 27 % of a draining worker's allocations, 7.8 % of its consumer threads' CPU. The
 * extension qualifies that injection point with {@link NoController}, which no bean has, so the interceptor finds
 * nothing to resolve and passes no controller. (docs/performance.md, 2026-12-07 (night) and (late night).)</p>
 */
public class FaultToleranceInterceptorFix implements Extension {
    static final String PAYARA_INTERCEPTOR = "fish.payara.microprofile.faulttolerance.cdi.FaultToleranceInterceptor";
    static final String CONTROLLER_FIELD = "requestContextControllerInstance";
    private static final Logger LOG = Logger.getLogger(FaultToleranceInterceptorFix.class.getName());

    /** A qualifier no bean carries: an {@code Instance} qualified with it is never resolvable. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface NoController {
        /** The annotation's instance, to add to an annotated type. */
        final class Literal extends AnnotationLiteral<NoController> implements NoController {
            static final Literal INSTANCE = new Literal();
            private static final long serialVersionUID = 1L;
        }
    }

    <T> void interceptorTypeAdded(@Observes ProcessSyntheticAnnotatedType<T> event) {
        if (!PAYARA_INTERCEPTOR.equals(event.getAnnotatedType().getJavaClass().getName())) {
            return;
        }
        var type = event.configureAnnotatedType();
        type.filterMethods(method -> method.isAnnotationPresent(AroundInvoke.class))
                .forEach(method -> method.remove(annotation -> annotation.annotationType() == AroundInvoke.class));
        type.filterFields(field -> CONTROLLER_FIELD.equals(field.getJavaMember().getName()))
                .forEach(field -> field.add(NoController.Literal.INSTANCE));
        LOG.fine("@AroundInvoke removed from the bean type of " + PAYARA_INTERCEPTOR + ", its " + CONTROLLER_FIELD
                + " qualified @NoController");
    }
}
