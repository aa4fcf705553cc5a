package dev.taskq.ra.rabbitmq;

import com.rabbitmq.client.AMQP.BasicProperties;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.jms.client.RMQMessage;
import com.rabbitmq.jms.client.message.RMQBytesMessage;
import com.rabbitmq.jms.client.message.RMQTextMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JMS view of a plain AMQP delivery, as rabbitmq-jms shows a message of an "AMQP destination": a
 * {@code TextMessage} (UTF-8 body) when the AMQP header {@code JMSType} is {@code TextMessage}, else a
 * {@code BytesMessage}; the message id, correlation id, priority, timestamp and persistence from the AMQP
 * properties; {@code JMSRedelivered} and {@code JMSXDeliveryCount} from the delivery; and the other headers as
 * string properties. The adapter consumes with the AMQP client itself, so that each delivery runs on the client's
 * dispatch thread instead of being handed on to rabbitmq-jms's own executor thread (one thread switch per message);
 * the message objects stay rabbitmq-jms's.
 */
final class AmqpDeliveries {
    static final String JMS_TYPE = "JMSType";
    static final String TEXT_MESSAGE = "TextMessage";
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private AmqpDeliveries() {
    }

    static Message toJms(Envelope envelope, BasicProperties properties, byte[] body) throws JMSException {
        Map<String, Object> headers = properties.getHeaders();
        Object type = headers == null ? null : headers.get(JMS_TYPE);
        RMQMessage message;
        if (type != null && TEXT_MESSAGE.equals(type.toString())) {
            RMQTextMessage text = new RMQTextMessage();
            text.setText(new String(body, StandardCharsets.UTF_8));
            message = text;
        } else {
            RMQBytesMessage bytes = new RMQBytesMessage();
            bytes.writeBytes(body);
            bytes.reset(); // readable from the start
            message = bytes;
        }
        message.setJMSType(type == null ? "BytesMessage" : type.toString());
        message.setJMSDeliveryMode(Integer.valueOf(2).equals(properties.getDeliveryMode())
                ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
        if (properties.getMessageId() != null) {
            message.setJMSMessageID(properties.getMessageId());
        }
        if (properties.getCorrelationId() != null) {
            message.setJMSCorrelationID(properties.getCorrelationId());
        }
        if (properties.getPriority() != null) {
            message.setJMSPriority(properties.getPriority());
        }
        if (properties.getTimestamp() != null) {
            message.setJMSTimestamp(properties.getTimestamp().getTime());
        }
        message.setJMSRedelivered(envelope.isRedeliver());
        message.setIntProperty(DELIVERY_COUNT, deliveryCount(envelope, headers));
        if (headers != null) {
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                String name = header.getKey();
                // JMS* are headers, x-* the broker's own (x-death, x-delivery-count); neither is a JMS property name
                if (!name.startsWith("JMS") && !name.startsWith("x-") && header.getValue() != null
                        && isPropertyName(name)) {
                    message.setStringProperty(name, header.getValue().toString());
                }
            }
        }
        return message;
    }

    /** 1 for a first delivery; for a redelivery the quorum queue's count + 1 when the broker keeps one, else 2. */
    private static int deliveryCount(Envelope envelope, Map<String, Object> headers) {
        if (!envelope.isRedeliver()) {
            return 1;
        }
        Object count = headers == null ? null : headers.get("x-delivery-count");
        return count instanceof Number n ? n.intValue() + 1 : 2;
    }

    private static boolean isPropertyName(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
