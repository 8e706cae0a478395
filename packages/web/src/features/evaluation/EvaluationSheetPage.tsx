import { Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import '../../i18n/evaluation';
import { SheetView } from './SheetView';

/** One sheet (`/can-bo/danh-gia/phieu/:id`): the manager's review, the collective record, the head's decision. */
export const EvaluationSheetPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useEffect(() => {
    document.title = `${t('evaluation.title')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={12}>
      <Link to="/can-bo/danh-gia">← {t('evaluation.back')}</Link>
      <SheetView id={id} />
    </Flex>
  );
};
