package io.rivulet.api.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A specific record as Avro's code generator writes one, by hand: the tests need only this one. */
public class AvroAccount extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"AvroAccount\",\"namespace\":\"io.rivulet.api.serde\",\"fields\":["
                    + "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"balance\",\"type\":\"long\"},"
                    + "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}]}");

    public CharSequence owner;
    public long balance;
    public CharSequence currency;

    public AvroAccount() {}

    public AvroAccount(String owner, long balance, String currency) {
        this.owner = owner;
        this.balance = balance;
        this.currency = currency;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> owner;
            case 1 -> balance;
            case 2 -> currency;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> owner = (CharSequence) value;
            case 1 -> balance = (Long) value;
            case 2 -> currency = (CharSequence) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    @Override
    public String toString() {
        return owner + ":" + balance + " " + currency;
    }
}
