package chatqa.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import chatqa.publish.PersonalDataMask;
import chatqa.publish.WarehouseMask;

/**
 * Personal-data masking as a Spark SQL function, for text columns outside the per-conversation
 * scoring (quarantined raw lines). Used only with {@code --mask-warehouse}.
 */
final class MaskedText {
    static final String FUNCTION = "chatqa_mask_personal_data";
    private static final WarehouseMask MASK = new WarehouseMask(PersonalDataMask.standard());

    private MaskedText() {
    }

    static Column column(SparkSession spark, Column text) {
        spark.udf().register(FUNCTION, (UDF1<String, String>) MaskedText::mask, DataTypes.StringType);
        return org.apache.spark.sql.functions.call_function(FUNCTION, text);
    }

    private static String mask(String text) {
        return MASK.text(text);
    }
}
